import Foundation

/// One row of the running log: a session with its scores and its priority fix. The same
/// value feeds the log page, the JSON API, and the CSV/JSON exports.
public struct LogEntry: Codable, Sendable, Equatable {
    public var id: UUID
    public var date: Date
    public var type: InterviewType
    public var mode: SessionMode
    public var status: SessionStatus
    public var interviewer: String?
    public var questionId: String?
    public var questionTitle: String?
    public var rubricId: String
    public var difficulty: Difficulty?
    public var company: String?
    public var tier: CompanyTier?
    public var level: Level?
    public var scores: ScoreSheet
    public var isRepeat: Bool
    public var notes: String?
    public var retro: Retrospective?

    public init(
        id: UUID, date: Date, type: InterviewType, mode: SessionMode, status: SessionStatus,
        interviewer: String? = nil, questionId: String? = nil, questionTitle: String? = nil,
        rubricId: String, difficulty: Difficulty? = nil, company: String? = nil,
        tier: CompanyTier? = nil, level: Level? = nil, scores: ScoreSheet = ScoreSheet(),
        isRepeat: Bool = false, notes: String? = nil, retro: Retrospective? = nil
    ) {
        self.id = id
        self.date = date
        self.type = type
        self.mode = mode
        self.status = status
        self.interviewer = interviewer
        self.questionId = questionId
        self.questionTitle = questionTitle
        self.rubricId = rubricId
        self.difficulty = difficulty
        self.company = company
        self.tier = tier
        self.level = level
        self.scores = scores
        self.isRepeat = isRepeat
        self.notes = notes
        self.retro = retro
    }

    /// Mean interviewer score, or nil when the session was not scored.
    public var averageScore: Double? {
        let values = scores.interviewerScores.values.map(\.score)
        return values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }
}

/// Planned sessions show their rubric and wait to start; completed ones carry scores; an
/// abandoned one was quit before the end (a timed mock keeps its transcript).
public enum SessionStatus: String, Codable, Sendable, CaseIterable, LooseParsable {
    case planned, started, completed, abandoned

    public var label: String { rawValue.capitalized }
}
