import MockLoopCore

/// What the runner says about one submission: the overall verdict, one line per test, and
/// enough detail to fix the code without revealing hidden tests.
public struct RunReport: Codable, Sendable, Equatable {
    public var verdict: Verdict
    /// Whether the code compiled (or, for Python and JavaScript, parsed); nil when the run
    /// never got that far (an internal error).
    public var compiled: Bool?
    public var tests: [TestOutcome]
    public var totalMs: Double
    /// Time spent compiling (C++ and Swift), included in `totalMs`.
    public var compileMs: Double?
    public var language: Language
    /// Compiler or parser output, when compiling failed.
    public var compileOutput: String?
    /// The first failing visible test's input, expected and actual values.
    public var firstFailure: FailureDetail?
    /// The last lines the program wrote to stderr (crashes, tracebacks, debug output).
    public var stderrTail: String?
    /// What the program printed to stdout in function mode (debug prints), cut to a few KiB.
    public var stdout: String?
    /// A sentence for the user when the verdict needs one (time limit hit, sandbox failure).
    public var message: String?

    public var passed: Int { tests.filter { $0.verdict == .accepted }.count }
}

public struct TestOutcome: Codable, Sendable, Equatable {
    public var index: Int
    public var verdict: Verdict
    public var timeMs: Double?
    public var hidden: Bool
}

/// A failing test shown to the candidate. Hidden tests show only their index and verdict.
public struct FailureDetail: Codable, Sendable, Equatable {
    public var index: Int
    public var input: JSONValue
    public var expected: JSONValue
    public var actual: JSONValue
}
