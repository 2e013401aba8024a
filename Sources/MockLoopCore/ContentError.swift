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
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            return ContentError(file: file, field: path(ctx.codingPath + [key]), problem: "is missing")
        case .typeMismatch(let type, let ctx):
            return ContentError(file: file, field: path(ctx.codingPath), problem: "expected \(type)")
        case .valueNotFound(let type, let ctx):
            return ContentError(file: file, field: path(ctx.codingPath), problem: "expected \(type), found nothing")
        case .dataCorrupted(let ctx):
            return ContentError(
                file: file, field: ctx.codingPath.isEmpty ? nil : path(ctx.codingPath),
                problem: ctx.underlyingError.map { "not valid YAML: \($0)" } ?? ctx.debugDescription)
        @unknown default:
            return ContentError(file: file, problem: "\(error)")
        }
    }
}
