import Foundation

/// What a user says when starting (or logging) a session. The rubric is fixed here,
/// before the first minute; scores and a retro may come along when logging a past session.
public struct SessionPlan: Codable, Sendable {
    public var type: InterviewType
    public var mode: SessionMode
    public var rubricId: String?
    public var questionId: String?
    /// Free-text question for sessions whose question is not in the bank (e.g. a real interview).
    public var questionTitle: String?
    public var interviewer: String?
    public var company: String?
    public var tier: CompanyTier?
    public var level: Level?
    public var difficulty: Difficulty?
    public var date: Date?
    public var notes: String?
    public var scores: ScoreSheet?
    public var retro: RetroDraft?

    public init(
        type: InterviewType, mode: SessionMode, rubricId: String? = nil, questionId: String? = nil,
        questionTitle: String? = nil, interviewer: String? = nil, company: String? = nil,
        tier: CompanyTier? = nil, level: Level? = nil, difficulty: Difficulty? = nil, date: Date? = nil,
        notes: String? = nil, scores: ScoreSheet? = nil, retro: RetroDraft? = nil
    ) {
        self.type = type
        self.mode = mode
        self.rubricId = rubricId
        self.questionId = questionId
        self.questionTitle = questionTitle
        self.interviewer = interviewer
        self.company = company
        self.tier = tier
        self.level = level
        self.difficulty = difficulty
        self.date = date
        self.notes = notes
        self.scores = scores
        self.retro = retro
    }

    /// Length limits on free text, so one paste cannot bloat the log.
    public func validate() throws {
        var problems = FieldProblems()
        for (field, value, limit) in [
            ("questionTitle", questionTitle, 300), ("interviewer", interviewer, 120),
            ("company", company, 120), ("notes", notes, 10_000),
        ] {
            if let value, value.count > limit { problems.add(field, "is longer than \(limit) characters") }
        }
        if retro != nil && scores == nil { problems.add("retro", "a retrospective comes after scoring: add scores too") }
        try problems.check()
    }
}
