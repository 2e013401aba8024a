/// The post-mock retrospective (principle 2): what went well and why, what went wrong,
/// exactly one priority fix tied to a rubric dimension, and one concrete drill.
public struct Retrospective: Codable, Sendable, Equatable {
    public var wentWell: String
    public var wentWrong: String
    public var priorityFix: PriorityFix
    public var drill: Drill

    public init(wentWell: String, wentWrong: String, priorityFix: PriorityFix, drill: Drill) {
        self.wentWell = wentWell
        self.wentWrong = wentWrong
        self.priorityFix = priorityFix
        self.drill = drill
    }
}

/// The single highest-priority fix for the next session, on one rubric dimension.
public struct PriorityFix: Codable, Sendable, Equatable {
    public var dimension: String
    public var text: String

    public init(dimension: String, text: String) {
        self.dimension = dimension
        self.text = text
    }
}

/// The practice that addresses the fix ("5 capacity estimations out loud, recorded").
public struct Drill: Codable, Sendable, Equatable {
    public var text: String
    public var done: Bool

    public init(text: String, done: Bool = false) {
        self.text = text
        self.done = done
    }
}
