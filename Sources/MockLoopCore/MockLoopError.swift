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
        /// A request this server refuses to act on: from another site, or without its form token.
        case forbidden
        /// A Host name this instance does not serve (DNS rebinding, or a missing setting).
        case hostNotAllowed = "host_not_allowed"
        /// A body in a media type the API does not document.
        case unsupportedMediaType = "unsupported_media_type"
        /// An upload over its bound (bytes, nodes, test cases).
        case tooLarge = "too_large"
        /// No one is signed in (or the token is unknown, expired or revoked).
        case unauthorized
        /// Too many failed attempts in a window; `retryAfter` says when to try again.
        case throttled = "too_many_requests"
    }

    public var kind: Kind
    public var message: String
    public var fields: [String: String]
    /// Seconds until a throttled attempt may be tried again.
    public var retryAfter: Int?

    public init(_ kind: Kind, _ message: String, fields: [String: String] = [:], retryAfter: Int? = nil) {
        self.kind = kind
        self.message = message
        self.fields = fields
        self.retryAfter = retryAfter
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
        if let error { throw error }
    }

    /// The problems gathered so far as one error, or nil when there are none.
    public var error: MockLoopError? { fields.isEmpty ? nil : MockLoopError.invalid(fields: fields) }

    /// A value parsed along with the problems: it is nil only when a problem names it, so once
    /// the problems are checked it is there. Throws the problems (or names `field`) otherwise.
    public func checked<T>(_ value: T?, _ field: String) throws -> T {
        try check()
        guard let value else { throw MockLoopError.invalid(field, "is missing") }
        return value
    }
}
