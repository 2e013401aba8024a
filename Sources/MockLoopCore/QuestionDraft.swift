import Foundation

/// A question as written in a YAML/JSON file or a form, before validation: every field is
/// optional and enums are plain strings, so a problem is reported by name instead of
/// failing the whole decode.
public struct QuestionDraft: Codable, Sendable {
    public var id: String?
    public var type: String?
    public var title: String?
    public var prompt: String?
    public var difficulty: String?
    public var topics: [String]?
    public var levels: [String]?
    public var tiers: [String]?
    public var underspecified: Bool?
    public var followUps: [String]?
    public var hints: [String]?
    public var keyPoints: [String]?
    public var tests: CodeTests?
    public var facts: [QuestionFact]?
    public var modelAnswer: ModelAnswer?

    public init(
        id: String? = nil, type: String? = nil, title: String? = nil, prompt: String? = nil,
        difficulty: String? = nil, topics: [String]? = nil, levels: [String]? = nil,
        tiers: [String]? = nil, underspecified: Bool? = nil, followUps: [String]? = nil,
        hints: [String]? = nil, keyPoints: [String]? = nil, tests: CodeTests? = nil,
        facts: [QuestionFact]? = nil, modelAnswer: ModelAnswer? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.prompt = prompt
        self.difficulty = difficulty
        self.topics = topics
        self.levels = levels
        self.tiers = tiers
        self.underspecified = underspecified
        self.followUps = followUps
        self.hints = hints
        self.keyPoints = keyPoints
        self.tests = tests
        self.facts = facts
        self.modelAnswer = modelAnswer
    }

    public init(_ q: Question) {
        self.init(
            id: q.id, type: q.type.rawValue, title: q.title, prompt: q.prompt,
            difficulty: q.difficulty.rawValue, topics: q.topics, levels: q.levels.map(\.rawValue),
            tiers: q.tiers.map(\.rawValue), underspecified: q.underspecified, followUps: q.followUps,
            hints: q.hints, keyPoints: q.keyPoints, tests: q.tests, facts: q.facts,
            modelAnswer: q.modelAnswer)
    }

    /// Validates into a `Question`. Built-in content is held to the bank's bar (3+ follow-ups
    /// and hints, 8+ test cases); a user's own question needs only what a session needs.
    /// Problems come back keyed by field name.
    public func validated(builtIn: Bool) -> Result<Question, MockLoopError> {
        var problems = FieldProblems()
        let id = (self.id ?? "").trimmingCharacters(in: .whitespaces)
        if id.isEmpty {
            problems.add("id", "is missing")
        } else if !Slug.isValid(id) {
            problems.add("id", "must be lowercase letters, digits and dashes (got '\(id)')")
        }
        let type = parse(InterviewType.self, self.type, "type", &problems)
        let difficulty = parse(Difficulty.self, self.difficulty, "difficulty", &problems)
        let title = (self.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            problems.add("title", "is missing")
        } else if title.count > 200 {
            problems.add("title", "is longer than 200 characters")
        }
        let prompt = (self.prompt ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if prompt.isEmpty { problems.add("prompt", "is missing") }
        Self.bound(
            prompt: prompt, lists: [("topics", topics), ("followUps", followUps), ("hints", hints), ("keyPoints", keyPoints)], tests: tests,
            into: &problems)
        let levels = parseList(Level.self, self.levels, "levels", &problems)
        let tiers = parseList(CompanyTier.self, self.tiers, "tiers", &problems)
        let topics = (self.topics ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if builtIn {
            if topics.isEmpty { problems.add("topics", "needs at least one topic") }
            if levels.isEmpty { problems.add("levels", "needs at least one level") }
            if tiers.isEmpty { problems.add("tiers", "needs at least one tier") }
            if (followUps ?? []).count < 3 { problems.add("followUps", "needs at least 3 follow-up questions") }
            if (hints ?? []).count < 3 { problems.add("hints", "needs at least 3 hints") }
            if (keyPoints ?? []).count < 2 { problems.add("keyPoints", "needs at least 2 key points") }
            if type == .coding && (tests?.cases.count ?? 0) < 8 { problems.add("tests", "a coding question needs at least 8 test cases") }
        }
        checkFacts(type: type, builtIn: builtIn, into: &problems)
        if let tests {
            if tests.mode == .function && (tests.entryPoint ?? "").isEmpty {
                problems.add("tests.entryPoint", "is required in function mode")
            }
            if tests.compare == .float && tests.tolerance == nil { problems.add("tests.tolerance", "is required when compare is float") }
            if let limits = tests.limits, !limits.problems.isEmpty { problems.add("tests.limits", limits.problems.joined(separator: "; ")) }
            for (i, c) in tests.cases.enumerated() {
                switch tests.mode {
                case .function where c.args == nil || c.expected == nil:
                    problems.add("tests.cases[\(i)]", "needs args and expected in function mode")
                case .stdio where c.stdin == nil || c.stdout == nil:
                    problems.add("tests.cases[\(i)]", "needs stdin and stdout in stdio mode")
                default: break
                }
            }
        }
        if let error = problems.error { return .failure(error) }
        guard let type, let difficulty else { return .failure(MockLoopError.invalid("type", "is missing")) }
        return .success(
            Question(
                id: id, type: type, title: title, prompt: prompt, difficulty: difficulty, topics: topics,
                levels: levels.isEmpty ? Level.allCases : levels, tiers: tiers.isEmpty ? CompanyTier.allCases : tiers,
                underspecified: underspecified ?? false, followUps: clean(followUps), hints: clean(hints),
                keyPoints: clean(keyPoints), tests: tests, facts: cleanFacts, modelAnswer: modelAnswer))
    }

    /// The most one question may hold: enough for any real question, small enough that an
    /// upload cannot make every page that lists the bank slow.
    public enum Bounds {
        public static let promptCharacters = 20_000
        public static let listItems = 50
        public static let itemCharacters = 2_000
        public static let testCases = 300
        public static let testBytes = 1_000_000
    }

    static func bound(prompt: String, lists: [(String, [String]?)], tests: CodeTests?, into problems: inout FieldProblems) {
        if prompt.count > Bounds.promptCharacters { problems.add("prompt", "is longer than \(Bounds.promptCharacters) characters") }
        for (field, list) in lists {
            let items = list ?? []
            if items.count > Bounds.listItems { problems.add(field, "has more than \(Bounds.listItems) items") }
            if let i = items.firstIndex(where: { $0.count > Bounds.itemCharacters }) {
                problems.add("\(field)[\(i)]", "is longer than \(Bounds.itemCharacters) characters")
            }
        }
        guard let tests else { return }
        if tests.cases.count > Bounds.testCases { problems.add("tests.cases", "has more than \(Bounds.testCases) test cases") }
        let bytes = (try? JSONEncoder().encode(tests).count) ?? 0
        if bytes > Bounds.testBytes { problems.add("tests", "take more than \(Bounds.testBytes / 1_000_000) MB") }
    }

    private func clean(_ list: [String]?) -> [String] {
        (list ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

func parse<E: LooseParsable>(_: E.Type, _ raw: String?, _ field: String, _ problems: inout FieldProblems) -> E? {
    E.parse(raw, field: field, into: &problems)
}

func parseList<E: LooseParsable>(_: E.Type, _ raw: [String]?, _ field: String, _ problems: inout FieldProblems) -> [E] {
    var out: [E] = []
    for item in raw ?? [] {
        guard let value = E(loose: item) else {
            problems.add(field, "must contain only \(E.allowedList) (got '\(item)')")
            continue
        }
        if !out.contains(value) { out.append(value) }
    }
    return out
}
