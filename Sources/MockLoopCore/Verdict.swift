/// The outcome of a submission or of one of its tests.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case accepted
    case wrongAnswer = "wrong_answer"
    case timeLimit = "time_limit"
    case memoryLimit = "memory_limit"
    case runtimeError = "runtime_error"
    case compileError = "compile_error"
    case outputLimit = "output_limit"
    case internalError = "internal_error"
    /// Per test only: the submission stopped (time, memory, crash) before reaching this test.
    case skipped

    public var label: String {
        switch self {
        case .accepted: "Accepted"
        case .wrongAnswer: "Wrong answer"
        case .timeLimit: "Time limit exceeded"
        case .memoryLimit: "Memory limit exceeded"
        case .runtimeError: "Runtime error"
        case .compileError: "Compile error"
        case .outputLimit: "Output limit exceeded"
        case .internalError: "Internal error"
        case .skipped: "Not run"
        }
    }
}
