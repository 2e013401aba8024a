import MockLoopCore

/// What the built-in interviewer says next, and why. The rule decides WHAT is probed; an
/// optional language model may only reword `text`.
public struct InterviewerReply: Sendable, Equatable {
    public var kind: PracticeTurn.Kind
    public var text: String
    /// "complexity", "ownership", "technology:kafka", "curveball:2", "move_on", …
    public var rule: String
    /// The interviewer moves the session to its next phase (or next story prompt).
    public var advances: Bool

    public init(_ kind: PracticeTurn.Kind, _ text: String, rule: String, advances: Bool = false) {
        self.kind = kind
        self.text = text
        self.rule = rule
        self.advances = advances
    }
}
