import Foundation

/// Where a decoder choked and what was wrong there, in words: `dimensions[1].score2` "is
/// required". One reading of `DecodingError` for the API's problems and the content files'.
public struct DecodingProblem: Equatable, Sendable {
    /// The dotted path of the field; nil when the whole document is at fault.
    public var field: String?
    public var problem: String

    public init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let ctx):
            (field, problem) = (Self.path(ctx.codingPath + [key]), "is required")
        case .typeMismatch(let type, let ctx):
            (field, problem) = (Self.path(ctx.codingPath), "has the wrong type (expected \(Self.name(of: type)))")
        case .valueNotFound(let type, let ctx):
            (field, problem) = (Self.path(ctx.codingPath), "is required (expected \(Self.name(of: type)))")
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty {
                (field, problem) = (nil, ctx.underlyingError.map { "is not valid: \($0.localizedDescription)" } ?? "is not valid")
            } else {
                let hint = ctx.debugDescription.contains("Cannot initialize") ? "is not one of the allowed values" : "is not valid"
                (field, problem) = (Self.path(ctx.codingPath), hint)
            }
        @unknown default:
            (field, problem) = (nil, "is not valid")
        }
    }

    /// `[CodingKey]` → `dimensions[1].score2`; nil for the root.
    public static func path(_ keys: [CodingKey]) -> String? {
        let p = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        if p.isEmpty { return nil }
        return p.hasPrefix(".") ? String(p.dropFirst()) : p
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Double.Type: "a number"
        default: "\(type)".contains("Dictionary") ? "an object" : ("\(type)".contains("Array") ? "a list" : "\(type)")
        }
    }
}
