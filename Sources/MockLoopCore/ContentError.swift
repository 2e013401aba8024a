import Foundation

/// A problem in a content file, naming the file, the entry and the field so it can be fixed.
public struct ContentError: Error, LocalizedError, Equatable, Sendable {
    public var file: String
    public var entry: String?
    public var field: String?
    public var problem: String

    public init(file: String, entry: String? = nil, field: String? = nil, problem: String) {
        self.file = file
        self.entry = entry
        self.field = field
        self.problem = problem
    }

    public var errorDescription: String? {
        var parts = [file]
        if let entry { parts.append("entry '\(entry)'") }
        if let field { parts.append("field '\(field)'") }
        return parts.joined(separator: ": ") + ": " + problem
    }

    /// Turns a decoder's error into one that names where in the file it happened.
    static func decoding(_ error: Error, file: String) -> ContentError {
        guard let error = error as? DecodingError else {
            return ContentError(file: file, problem: "not valid YAML: \(error)")
        }
        let problem = DecodingProblem(error)
        if case .dataCorrupted(let ctx) = error, ctx.codingPath.isEmpty, let underlying = ctx.underlyingError {
            return ContentError(file: file, problem: "not valid YAML: \(underlying)")
        }
        return ContentError(file: file, field: problem.field, problem: problem.problem)
    }
}
