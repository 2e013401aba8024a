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

    public init(at: Double, runId: UUID?, language: Language, verdict: Verdict, passed: Int, total: Int, compiled: Bool) {
        self.at = at
        self.runId = runId
        self.language = language
        self.verdict = verdict
        self.passed = passed
        self.total = total
        self.compiled = compiled
    }
}
