/// The difficulty mix a target deserves (principle 3, honest difficulty). A Tier-1 Senior
/// coding loop is ~80% medium–hard; Staff leans harder; lower tiers and levels soften it.
public struct TargetMix: Sendable, Equatable {
    public var shares: [Difficulty: Double]

    public init(shares: [Difficulty: Double]) { self.shares = shares }

    public static func `for`(tier: CompanyTier?, level: Level?) -> TargetMix {
        switch (tier ?? .tier1, level ?? .senior) {
        case (_, .staff): TargetMix(shares: [.easy: 0.1, .medium: 0.4, .hard: 0.5])
        case (.tier1, .senior): TargetMix(shares: [.easy: 0.2, .medium: 0.5, .hard: 0.3])
        case (_, .junior): TargetMix(shares: [.easy: 0.5, .medium: 0.4, .hard: 0.1])
        case (.tier1, _), (_, .senior): TargetMix(shares: [.easy: 0.3, .medium: 0.5, .hard: 0.2])
        default: TargetMix(shares: [.easy: 0.4, .medium: 0.45, .hard: 0.15])
        }
    }

    /// The difficulties the target mostly asks (a quarter of its questions or more), most
    /// asked first: a single suggestion comes from these, so a Staff target is never sent to an
    /// easy warm-up.
    public var favoured: [Difficulty] {
        Difficulty.allCases.filter { (shares[$0] ?? 0) >= 0.25 }.sorted { (shares[$0] ?? 0, $0.index) > (shares[$1] ?? 0, $1.index) }
    }

    public var mediumHardShare: Double { (shares[.medium] ?? 0) + (shares[.hard] ?? 0) }

    /// Draws a difficulty with probability equal to its share.
    public func draw<G: RandomNumberGenerator>(using rng: inout G) -> Difficulty {
        let roll = Double.random(in: 0..<1, using: &rng)
        var acc = 0.0
        for d in Difficulty.allCases {
            acc += shares[d] ?? 0
            if roll < acc { return d }
        }
        return .hard
    }
}
