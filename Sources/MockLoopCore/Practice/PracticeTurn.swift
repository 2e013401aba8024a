/// One line of a timed mock's conversation, stamped with the session clock.
public struct PracticeTurn: Codable, Sendable, Equatable {
    public enum Speaker: String, Codable, Sendable { case interviewer, candidate }

    /// What the line is: the interviewer's kinds say why it was said.
    public enum Kind: String, Codable, Sendable {
        case question
        case followUp = "follow_up"
        case curveball, hint, nudge, note, clarification
        case moveOn = "move_on"
        case answer, code, run
    }

    /// How the candidate's words arrived: typed, or spoken through the browser's speech recognition.
    public enum Source: String, Codable, Sendable { case typed, speech }

    public var speaker: Speaker
    public var kind: Kind
    public var text: String
    /// Seconds on the session clock (pauses excluded) when the line was complete.
    public var at: Double
    /// When the candidate began this answer (first keystroke or first speech result), if known.
    public var startedAt: Double?
    public var phase: String
    /// The interviewer's rule behind a follow-up ("complexity", "ownership", "curveball", …).
    public var rule: String?
    public var source: Source?
    /// The client's id for an answer, so a resend after a dropped connection is not doubled.
    public var clientId: String?
    /// What a candidate's answer covered, read when it arrived.
    public var coverage: AnswerCoverage?

    public init(
        speaker: Speaker, kind: Kind, text: String, at: Double, startedAt: Double? = nil, phase: String,
        rule: String? = nil, source: Source? = nil, clientId: String? = nil, coverage: AnswerCoverage? = nil
    ) {
        self.speaker = speaker
        self.kind = kind
        self.text = text
        self.at = at
        self.startedAt = startedAt
        self.phase = phase
        self.rule = rule
        self.source = source
        self.clientId = clientId
        self.coverage = coverage
    }
}
