import Foundation

/// A "Run tests" during a timed mock: enough to score coding execution and show the history.
public struct PracticeRun: Codable, Sendable, Equatable {
    public var at: Double
    public var runId: UUID?
    public var language: Language
    public var verdict: Verdict
    public var passed: Int
    public var total: Int
    public var compiled: Bool
    /// The first failing visible test (hidden tests never show their input).
    public var failure: FailingCase?

    public init(
        at: Double, runId: UUID?, language: Language, verdict: Verdict, passed: Int, total: Int, compiled: Bool, failure: FailingCase? = nil
    ) {
        self.at = at
        self.runId = runId
        self.language = language
        self.verdict = verdict
        self.passed = passed
        self.total = total
        self.compiled = compiled
        self.failure = failure
    }
}

/// A failing visible test as the candidate sees it: its input, what was expected, what came back.
public struct FailingCase: Codable, Sendable, Equatable {
    public var index: Int
    public var input: String
    public var expected: String
    public var actual: String

    public init(index: Int, input: String, expected: String, actual: String) {
        self.index = index
        self.input = input
        self.expected = expected
        self.actual = actual
    }
}
