/// The level of the role being targeted.
public enum Level: String, Codable, CaseIterable, Sendable, LooseParsable {
    case junior, mid, senior, staff

    public var label: String { rawValue.capitalized }

    /// The level just below (nil for junior).
    public var below: Level? {
        let all = Level.allCases
        let i = all.firstIndex(of: self)!
        return i == 0 ? nil : all[i - 1]
    }
}

/// Company tier: tier1 is top-paying big tech, tier2 growth companies, tier3 everyone else.
public enum CompanyTier: String, Codable, CaseIterable, Sendable, LooseParsable {
    case tier1, tier2, tier3

    public var label: String {
        switch self {
        case .tier1: "Tier 1"
        case .tier2: "Tier 2"
        case .tier3: "Tier 3"
        }
    }
}
