/// One stretch of a timed mock ("clarify", "estimation", "prompt 2") with its planned window on
/// the clock, in seconds from the start.
public struct PracticePhase: Codable, Sendable, Equatable {
    public var key: String
    public var title: String
    /// What the interviewer expects in this phase, shown beside the clock.
    public var goal: String
    public var start: Double
    public var end: Double

    public init(key: String, title: String, goal: String, start: Double, end: Double) {
        self.key = key
        self.title = title
        self.goal = goal
        self.start = start
        self.end = end
    }
}
