/// A question from the bank: built in (written by us) or added by a user.
public struct Question: Codable, Sendable, Equatable {
    public var id: String
    public var type: InterviewType
    public var title: String
    public var prompt: String
    public var difficulty: Difficulty
    public var topics: [String]
    public var levels: [Level]
    public var tiers: [CompanyTier]
    /// Deliberately incomplete prompts (Staff system design): the candidate must drive requirements.
    public var underspecified: Bool
    public var followUps: [String]
    public var hints: [String]
    public var keyPoints: [String]
    public var tests: CodeTests?
    /// What the interviewer may reveal when asked; a user's own question may have none.
    public var facts: [QuestionFact]?
    public var modelAnswer: ModelAnswer?

    public init(
        id: String, type: InterviewType, title: String, prompt: String, difficulty: Difficulty,
        topics: [String], levels: [Level], tiers: [CompanyTier], underspecified: Bool = false,
        followUps: [String], hints: [String], keyPoints: [String], tests: CodeTests? = nil,
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

    public var factList: [QuestionFact] { facts ?? [] }
}

/// The tests the code runner runs for a coding question.
public struct CodeTests: Codable, Sendable, Equatable {
    public enum Mode: String, Codable, Sendable { case function, stdio }
    public enum Compare: String, Codable, Sendable { case exact, unordered, float }

    public var mode: Mode
    public var entryPoint: String?
    public var compare: Compare?
    public var tolerance: Double?
    public var cases: [TestCase]
    /// Per-question overrides of the runner's defaults (2 s CPU, 5 s wall, 256 MiB).
    public var limits: CodeLimits?

    public init(
        mode: Mode, entryPoint: String? = nil, compare: Compare? = nil, tolerance: Double? = nil,
        cases: [TestCase], limits: CodeLimits? = nil
    ) {
        self.mode = mode
        self.entryPoint = entryPoint
        self.compare = compare
        self.tolerance = tolerance
        self.cases = cases
        self.limits = limits
    }
}

/// A question's own resource limits for the code runner; unset fields keep the defaults.
public struct CodeLimits: Codable, Sendable, Equatable {
    public var cpuSeconds: Int?
    public var wallSeconds: Double?
    public var memoryMiB: Int?

    public init(cpuSeconds: Int? = nil, wallSeconds: Double? = nil, memoryMiB: Int? = nil) {
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        self.memoryMiB = memoryMiB
    }

    /// The ceilings: one submission must not hold a runner slot, or the machine's memory, for long.
    public static let cpuRange = 1...10
    public static let wallRange = 0.5...20.0
    public static let memoryRange = 32...1024

    /// What is out of range, in words ("cpuSeconds must be 1–10").
    public static func problems(cpuSeconds: Int?, wallSeconds: Double?, memoryMiB: Int?) -> [String] {
        var out: [String] = []
        if let v = cpuSeconds, !cpuRange.contains(v) { out.append("cpuSeconds must be 1–10") }
        if let v = wallSeconds, !wallRange.contains(v) { out.append("wallSeconds must be 0.5–20") }
        if let v = memoryMiB, !memoryRange.contains(v) { out.append("memoryMiB must be 32–1024") }
        return out
    }

    public var problems: [String] { Self.problems(cpuSeconds: cpuSeconds, wallSeconds: wallSeconds, memoryMiB: memoryMiB) }
}

public struct TestCase: Codable, Sendable, Equatable {
    public var args: JSONValue?
    public var expected: JSONValue?
    public var stdin: String?
    public var stdout: String?
    public var hidden: Bool?

    public init(args: JSONValue? = nil, expected: JSONValue? = nil, stdin: String? = nil, stdout: String? = nil, hidden: Bool? = nil) {
        self.args = args
        self.expected = expected
        self.stdin = stdin
        self.stdout = stdout
        self.hidden = hidden
    }
}
