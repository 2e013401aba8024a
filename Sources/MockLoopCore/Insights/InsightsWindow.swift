import Foundation

/// Which sessions the insights read: all of them, the last 30 days, or the last 10 sessions.
public enum InsightsWindow: Codable, Sendable, Equatable, CustomStringConvertible {
    case all
    case days(Int)
    case sessions(Int)

    /// "all", "30d", "10" (as in `--window` and `?window=`).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t.isEmpty || t == "all" {
            self = .all
            return
        }
        if t.hasSuffix("d"), let n = Int(t.dropLast()), (1...3650).contains(n) {
            self = .days(n)
            return
        }
        if let n = Int(t), (1...10_000).contains(n) {
            self = .sessions(n)
            return
        }
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
        case .days(let n): "the last \(n) days (UTC)"
        case .sessions(let n): "the last \(n) sessions"
        }
    }

    /// The earliest session date the window includes, for day windows: `n` whole UTC days,
    /// today included (what the store's daily roll-ups hold).
    public func since(now: Date) -> Date? {
        guard case .days(let n) = self else { return nil }
        return Date(timeIntervalSince1970: Double(InsightsWindow.day(of: now) - (n - 1)) * 86_400)
    }

    /// Days since 1970-01-01 UTC: the roll-ups' bucket.
    public static func day(of date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

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
