import MockLoopCore
import MockLoopServices

/// The question bank with its filters.
struct QuestionsPage: Encodable {
    struct Row: Encodable {
        var id, title, type, difficulty, topics, levels: String
        var builtIn: Bool
    }

    var title = "Question bank"
    var types, difficulties, levels, tiers: [Choice]
    var topic: String
    var text: String
    var topicsKnown: [String]
    var questions: [Row]
    var count: Int
    /// Just after a question was deleted.
    var deleted = false
    var countText: String
    var filtered: Bool
    var exportQuery: String

    /// `all`: the user's whole bank (its topics fill the topic list); `query`: the filters as sent.
    init(_ f: QuestionFilter, all: [Question], builtInIDs: Set<String>, query: String) {
        let shown = all.filter(f.matches)
        types = Choice.list(InterviewType.self, selected: f.type?.rawValue, blank: "Any type")
        difficulties = Choice.list(Difficulty.self, selected: f.difficulty?.rawValue, blank: "Any difficulty")
        levels = Choice.list(Level.self, selected: f.level?.rawValue, blank: "Any level")
        tiers = Choice.list(CompanyTier.self, selected: f.tier?.rawValue, blank: "Any tier")
        topic = f.topic ?? ""
        text = f.text ?? ""
        topicsKnown = Array(Set(all.flatMap(\.topics))).sorted()
        questions = shown.map { q in
            Row(
                id: q.id, title: q.title, type: q.type.label, difficulty: q.difficulty.label,
                topics: q.topics.joined(separator: ", "), levels: q.levels.map(\.label).joined(separator: ", "),
                builtIn: builtInIDs.contains(q.id))
        }
        count = shown.count
        countText = shown.count == 1 ? "1 question" : "\(shown.count) questions"
        filtered = f != QuestionFilter()
        exportQuery = query
    }
}

/// One question with everything an interviewer needs.
struct QuestionPage: Encodable {
    var title: String
    var id, type, typeValue, difficulty, prompt, topics, levels, tiers: String
    var underspecified: Bool
    var followUps, hints, keyPoints: [String]
    var testCount: Int
    var visibleTests: Int
    var entryPoint: String?
    /// The AI interviewer runs this type, so "Practise" can start a timed mock on it.
    var aiPractice: Bool
    /// Shipped with MockLoop (shared, read-only); the user's own can be deleted.
    var builtIn = true

    init(_ q: Question) {
        title = q.title
        id = q.id
        type = q.type.label
        typeValue = q.type.rawValue
        difficulty = q.difficulty.label
        prompt = q.prompt
        topics = q.topics.joined(separator: ", ")
        levels = q.levels.map(\.label).joined(separator: ", ")
        tiers = q.tiers.map(\.label).joined(separator: ", ")
        underspecified = q.underspecified
        followUps = q.followUps
        hints = q.hints
        keyPoints = q.keyPoints
        testCount = q.tests?.cases.count ?? 0
        visibleTests = q.tests?.cases.filter { $0.hidden != true }.count ?? 0
        entryPoint = q.tests?.entryPoint
        aiPractice = PhasePlan.practiceTypes.contains(q.type)
    }
}

/// The form to add one's own question.
struct QuestionFormPage: Encodable {
    var title = "Add a question"
    var types, difficulties: [Choice]
    var values: [String: String]
    /// Each field's problem, shown beside it.
    var errors: [String: String]
}
