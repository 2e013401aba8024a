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
    public static func assess(_ entries: [LogEntry], type: InterviewType, level: Level?, sessions needed: Int = 3, bar: Double = 2.5) -> Readiness {
        let qualifying = entries.filter {
            $0.type == type && $0.mode.isHumanObserved && $0.status == .completed
                && ($0.difficulty ?? .medium) != .easy && $0.averageScore != nil
        }
        let recent = qualifying.suffix(needed).compactMap(\.averageScore)
        let mean = recent.isEmpty ? nil : recent.reduce(0, +) / Double(recent.count)
        let at = level.map { " at \($0.label) level" } ?? ""
        let what = "observed \(type.label.lowercased()) mocks\(at) scoring ≥\(String(format: "%.1f", bar))"
        if qualifying.count < needed {
            let aiOnly = entries.contains { $0.type == type && $0.mode == .ai }
            let note = aiOnly && qualifying.isEmpty ? " (AI sessions do not count toward readiness)" : ""
            return Readiness(type: type, ready: false, qualifyingSessions: qualifying.count, recentMean: mean,
                             missing: "\(needed - qualifying.count) more \(what)\(note)")
        }
        if let mean, mean < bar {
            return Readiness(type: type, ready: false, qualifyingSessions: qualifying.count, recentMean: mean,
                             missing: String(format: "your last %d observed %@ mocks average %.1f; they need to average ≥%.1f",
                                             needed, type.label.lowercased(), mean, bar))
        }
        return Readiness(type: type, ready: true, qualifyingSessions: qualifying.count, recentMean: mean, missing: nil)
    }
}
