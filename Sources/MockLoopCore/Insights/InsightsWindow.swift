import Foundation

/// Which sessions the insights read: all of them, the last 30 days, or the last 10 sessions.
public enum InsightsWindow: Codable, Sendable, Equatable, CustomStringConvertible {
    case all
    case days(Int)
    case sessions(Int)

    /// "all", "30d", "10" (as in `--window` and `?window=`).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t.isEmpty || t == "all" { self = .all; return }
        if t.hasSuffix("d"), let n = Int(t.dropLast()), (1...3650).contains(n) { self = .days(n); return }
        if let n = Int(t), (1...10_000).contains(n) { self = .sessions(n); return }
        return nil
    }

    public var description: String {
        switch self {
        case .all: "all"
        case .days(let n): "\(n)d"
        case .sessions(let n): "\(n)"
        }
    }

    public var label: String {
        switch self {
        case .all: "all time"
        case .days(let n): "the last \(n) days"
        case .sessions(let n): "the last \(n) sessions"
        }
    }

    /// The earliest session date the window includes, for day windows.
    public func since(now: Date) -> Date? {
        if case .days(let n) = self { return now.addingTimeInterval(-Double(n) * 86_400) }
        return nil
    }

    public static let allowed = "all, a number of days like 30d, or a number of sessions like 10"

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let w = InsightsWindow(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "window must be \(Self.allowed)"))
        }
        self = w
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
