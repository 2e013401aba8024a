import Foundation

/// Ready or not for one interview type, from human-scored sessions at target difficulty only
/// (AI-only evidence never makes a user ready), with exactly what is missing.
public struct Readiness: Codable, Sendable, Equatable {
    public var type: InterviewType
    public var ready: Bool
    public var qualifyingSessions: Int
    public var recentMean: Double?
    public var missing: String?

    /// Ready = at least `sessions` human-observed sessions at medium or hard whose last
    /// `sessions` average at least `bar`.
    public static func assess(
        _ entries: [LogEntry], type: InterviewType, level: Level?, sessions needed: Int = 3, bar: Double = 2.5
    ) -> Readiness {
        let ofType = entries.filter { $0.type == type }
        let qualifying = ofType.filter(WindowAggregate.qualifies)
        return assess(
            type: type, level: level, qualifying: qualifying.count,
            lastAverages: qualifying.suffix(needed).compactMap(\.averageScore),
            hasAI: ofType.contains { $0.mode == .ai }, sessions: needed, bar: bar)
    }

    /// From counts: how many sessions qualify, the averages of the most recent ones (date
    /// order), and whether the user has AI sessions of this type.
    public static func assess(
        type: InterviewType, level: Level?, qualifying: Int, lastAverages: [Double], hasAI: Bool,
        sessions needed: Int = 3, bar: Double = 2.5
    ) -> Readiness {
        let recent = lastAverages.suffix(needed)
        let mean = recent.isEmpty ? nil : recent.reduce(0, +) / Double(recent.count)
        // Sessions are not filtered by level: the text does not claim they are.
        _ = level
        let what =
            "observed \(type.label.lowercased()) mocks (completed, human-scored, not easy); the last \(needed) must average ≥\(String(format: "%.1f", bar))"
        if qualifying < needed {
            let note = hasAI && qualifying == 0 ? " (AI sessions do not count toward readiness)" : ""
            return Readiness(
                type: type, ready: false, qualifyingSessions: qualifying, recentMean: mean,
                missing: "\(needed - qualifying) more \(what)\(note)")
        }
        if let mean, mean < bar {
            return Readiness(
                type: type, ready: false, qualifyingSessions: qualifying, recentMean: mean,
                missing: String(
                    format: "your last %d observed %@ mocks average %.1f; they need to average ≥%.1f",
                    needed, type.label.lowercased(), mean, bar))
        }
        return Readiness(type: type, ready: true, qualifyingSessions: qualifying, recentMean: mean, missing: nil)
    }
}
