import MockLoopCore

/// The form that plans a session.
struct SessionNewPage: Encodable {
    struct QuestionChoice: Encodable {
        var id, label: String
        var selected: Bool
    }

    var title = "Start a session"
    var types, modes, tiers, levels, difficulties: [Option]
    var rubrics: [Option]
    var questions: [QuestionChoice]
    var typeValue: String
    var lastFix: FixCard?
    var problems: [FieldProblem]
}

/// A session: rubric up front, then the clock, the scores and the retrospective.
struct SessionPage: Encodable {
    struct Dim: Encodable {
        var key, name, question, score1, score2, score3: String
        var score, selfScore: Int
        var note: String
        var isFix: Bool
    }

    var title: String
    /// "2026-11-21 · Peer with Ana · Tier 1 · Senior · Medium · status: planned"
    var details: String
    var id, date, type, mode, status, interviewer, company, tier, level, difficulty: String
    var planned, started, completed: Bool
    var isAI, isRepeat: Bool
    var rubricID, rubricName: String
    var dimensions: [Dim]
    var question: QuestionPage?
    var questionTitle: String
    var lastFix: FixCard?
    var confidence, duration, hintsUsed, pauses: String
    var wentEasy: Bool
    var average: String
    var retro: Retro?
    var problems: [FieldProblem]
    var notice: String?
    var analysis: AnalysisView?
    /// Present for questions with code tests.
    var code: CodeCard?
    /// Not rendered: the tests the "Run code" card runs against.
    var questionTests: CodeTests?

    enum CodingKeys: CodingKey {
        case title, details, id, date, type, mode, status, interviewer, company, tier, level, difficulty, planned, started,
            completed, isAI, isRepeat, rubricID, rubricName, dimensions, question, questionTitle, lastFix, confidence,
            duration, hintsUsed, pauses, wentEasy, average, retro, problems, notice, analysis, code
    }

    struct Retro: Encodable {
        var wentWell, wentWrong, fixDimension, fix, drill: String
        var drillDone: Bool
    }
}
