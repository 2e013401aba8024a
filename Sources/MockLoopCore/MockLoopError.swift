import Foundation

/// The one error type the product speaks: what went wrong, in words a user can act on,
/// and for bad input the fields at fault. Web renders it as a 4xx; the CLI as a one-line reason.
public struct MockLoopError: Error, LocalizedError, Equatable, Sendable {
    public enum Kind: String, Sendable {
        case invalid = "invalid_input"
        case notFound = "not_found"
        case conflict
        case unavailable
        /// No safe sandbox for running code on this server.
        case sandboxUnavailable = "sandbox_unavailable"
    }

    public var kind: Kind
    public var message: String
    public var fields: [String: String]

    public init(_ kind: Kind, _ message: String, fields: [String: String] = [:]) {
        self.kind = kind
        self.message = message
        self.fields = fields
    }

    public static func invalid(_ field: String, _ problem: String) -> MockLoopError {
        MockLoopError(.invalid, "\(field): \(problem)", fields: [field: problem])
    }

    public static func invalid(fields: [String: String]) -> MockLoopError {
        let summary = fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
        return MockLoopError(.invalid, summary, fields: fields)
    }

    public static func notFound(_ what: String) -> MockLoopError {
        MockLoopError(.notFound, "\(what) not found")
    }

    public var errorDescription: String? { message }
}

/// Collects field problems so a form or body reports all of them at once, not the first only.
public struct FieldProblems {
    public private(set) var fields: [String: String] = [:]

    public init() {}

    public mutating func add(_ field: String, _ problem: String) {
        if fields[field] == nil { fields[field] = problem }
    }

    public func check() throws {
        if !fields.isEmpty { throw MockLoopError.invalid(fields: fields) }
    }
}
