import Foundation

/// Whether practice is as hard as the target: the share at medium–hard against the target mix,
/// repeats of questions already seen, and sessions where the interviewer went easy.
public struct DifficultyHonesty: Codable, Sendable, Equatable {
    public var sessionsWithDifficulty: Int
    public var mediumHardShare: Double?
    public var targetShare: Double
    public var repeats: Int
    public var wentEasy: Int
    /// Under target by more than 10 points: practice is easier than the loop will be.
    public var tooEasy: Bool

    public static func compute(_ entries: [LogEntry], target: TargetMix) -> DifficultyHonesty {
        let rated = entries.compactMap(\.difficulty)
        let share = rated.isEmpty ? nil : Double(rated.filter { $0 != .easy }.count) / Double(rated.count)
        return DifficultyHonesty(sessionsWithDifficulty: rated.count, mediumHardShare: share, targetShare: target.mediumHardShare,
                                 repeats: entries.filter(\.isRepeat).count, wentEasy: entries.filter(\.scores.wentEasy).count,
                                 tooEasy: share.map { $0 < target.mediumHardShare - 0.1 } ?? false)
    }
}
