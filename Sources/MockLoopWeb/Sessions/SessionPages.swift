import MockLoopCore
import MockLoopServices
import MockLoopStore

/// The form that plans a session.
struct SessionNewPage: Encodable {
    struct QuestionChoice: Encodable {
        var id, label: String
        var selected: Bool
    }

    init(
        type: InterviewType, form: [String: String], problems: [String: String], questions: [Question],
        rubrics: [StoredRubric], lastFix: LogEntry?, lastRubric: Rubric?
    ) {
        types = Choice.list(InterviewType.self, selected: type.rawValue)
        modes = Choice.list(SessionMode.self, selected: form["mode"] ?? SessionMode.peer.rawValue)
        tiers = Choice.list(CompanyTier.self, selected: form["tier"])
        levels = Choice.list(Level.self, selected: form["level"])
        difficulties = Choice.list(Difficulty.self, selected: form["difficulty"], blank: "Calibrated to my target")
        self.rubrics = rubrics.map {
            Choice(value: $0.rubric.id, label: $0.rubric.name + ($0.builtIn ? "" : " (mine)"), selected: $0.rubric.id == form["rubricId"])
        }
        self.questions = questions.map {
            QuestionChoice(id: $0.id, label: "\($0.title) · \($0.difficulty.label)", selected: $0.id == form["questionId"])
        }
        typeValue = type.rawValue
        self.lastFix = FixCard(lastFix, rubric: lastRubric)
        values = form
        errors = problems
    }

    var title = "Start a session"
    var types, modes, tiers, levels, difficulties: [Choice]
    var rubrics: [Choice]
    var questions: [QuestionChoice]
    var typeValue: String
    var lastFix: FixCard?
    /// What the user typed, kept when the form comes back with problems.
    var values: [String: String]
    /// Each field's problem, shown beside it.
    var errors: [String: String]
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
    var analysis: AnalysisView?
    /// Present for questions with code tests.
    var code: CodeCard?
    /// The final code of a timed mock, shown read-only with highlighting.
    var mockCode: String?
    var mockLanguage: String?
    var mockLanguageLabel: String?

    struct Retro: Encodable {
        var wentWell, wentWrong, fixDimension, fix, drill: String
        var drillDone: Bool
    }

    /// The retro form's values: the saved retro, or what was posted with problems; the fix
    /// dimension starts at the lowest-scored one.
    var retroForm: RetroForm
    /// Each field's problem, by the form's field names, shown beside the field.
    var errors: [String: String]
    /// The running clock of a started session run by people.
    var clock: ClockCard?
    /// A pasted transcript that could not be analysed, kept for another try.
    var transcriptText = ""
    var transcriptCandidate = ""
    /// The partner who scored through the partner kit, and their answers to the three questions.
    var partner: Partner?
    /// The live room the mock was held in: its code replay and whiteboard stay with the session.
    var liveRoom: LiveRoom?
    /// Share-link lifetimes for the share form.
    var shareLifetimes = ShareController.lifetimes.map { Choice(value: String(Int($0.1)), label: $0.0, selected: $0.1 == 7 * 86400) }

    struct Partner: Encodable {
        var name, at: String
        var answers: [FeedbackQuestion]
        /// "specific 3, honest 2" once the candidate has rated the feedback.
        var rating: String?
    }

    struct LiveRoom: Encodable {
        var id: String
        /// A system design mock: its whiteboard is worth a link.
        var board: Bool
    }

    struct RetroForm: Encodable {
        var wentWell, wentWrong, fix, drill: String
        var dimensions: [Choice]
    }

    struct ClockCard: Encodable {
        struct Phase: Encodable {
            var title, window, goal: String
            var start, end: Double
            var current, done: Bool
        }

        /// Milliseconds since 1970, for the script that keeps the clock running.
        var startedAt: Double
        var minutes: Int
        /// The duration the scores record when finished now.
        var minutesElapsed: Int
        var elapsed: String
        var phaseText: String
        var phases: [Phase]
    }
}
