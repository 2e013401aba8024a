/// What the candidate says when opening a live room: the question (from their planned session
/// or chosen here), the clock's length, and whether the interviewer may see their last fix.
public struct RoomPlan: Codable, Sendable, Equatable {
    public static let modes: [SessionMode] = [.peer, .friend, .paidPro, .real]

    /// A planned session of the candidate's; without one, a new peer session is planned.
    public var sessionId: String?
    public var questionId: String?
    public var minutes: Int?
    public var language: Language?
    public var showFix: Bool

    public init(sessionId: String? = nil, questionId: String? = nil, minutes: Int? = nil, language: Language? = nil, showFix: Bool = true) {
        self.sessionId = sessionId
        self.questionId = questionId
        self.minutes = minutes
        self.language = language
        self.showFix = showFix
    }

    public func validate() throws {
        var problems = FieldProblems()
        if let minutes, !PhasePlan.minuteRange.contains(minutes) {
            problems.add("minutes", "must be from \(PhasePlan.minuteRange.lowerBound) to \(PhasePlan.minuteRange.upperBound)")
        }
        if sessionId.nonEmpty == nil, questionId.nonEmpty == nil { problems.add("questionId", "choose a question for the room") }
        try problems.check()
    }
}
