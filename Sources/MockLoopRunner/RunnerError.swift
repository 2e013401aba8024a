import MockLoopCore

/// Why the runner could not judge a submission at all (as opposed to a verdict about the code).
public enum RunnerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The request itself is wrong: which field, and what is wrong with it.
    case badRequest(String, String)
    /// No safe sandbox on this machine: code is never run without one.
    case sandboxUnavailable(String)

    public var description: String {
        switch self {
        case .badRequest(let field, let problem): "\(field): \(problem)"
        case .sandboxUnavailable(let reason): "the code sandbox is unavailable: \(reason)"
        }
    }

    /// The product's error for the web and CLI layers.
    public var asMockLoopError: MockLoopError {
        switch self {
        case .badRequest(let field, let problem): .invalid(field, problem)
        case .sandboxUnavailable: MockLoopError(.sandboxUnavailable, description)
        }
    }
}
