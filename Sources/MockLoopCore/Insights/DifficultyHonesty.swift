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
        compute(.from(entries), target: target)
    }

    public static func compute(_ a: WindowAggregate, target: TargetMix) -> DifficultyHonesty {
        let share = a.withDifficulty == 0 ? nil : Double(a.mediumHard) / Double(a.withDifficulty)
        return DifficultyHonesty(
            sessionsWithDifficulty: a.withDifficulty, mediumHardShare: share, targetShare: target.mediumHardShare,
            repeats: a.repeats, wentEasy: a.wentEasy,
            tooEasy: share.map { $0 < target.mediumHardShare - 0.1 } ?? false)
    }
}
