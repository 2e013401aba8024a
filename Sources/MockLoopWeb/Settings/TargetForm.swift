import MockLoopCore
import MockLoopServices

/// The target form (home page on the first visit, and settings): tier, level, the rounds of
/// the loop, its date. Bad input comes back with what was typed and each problem by its field.
struct TargetForm: Encodable {
    var tiers, levels, rounds: [Choice]
    var loopDate, company: String
    var errors: [String: String]
    /// Where the form returns after saving ("/" or "/settings").
    var back: String

    init(_ target: Target, back: String) {
        tiers = Choice.list(CompanyTier.self, selected: target.tier.rawValue)
        levels = Choice.list(Level.self, selected: target.level.rawValue)
        rounds = InterviewType.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: target.types.contains($0)) }
        loopDate = target.loopDate ?? ""
        company = target.company ?? ""
        errors = [:]
        self.back = back
    }

    /// The form as posted, with its problems.
    init(posted form: [String: String], errors: [String: String], back: String) {
        tiers = Choice.list(CompanyTier.self, selected: form["tier"])
        levels = Choice.list(Level.self, selected: form["level"])
        rounds = InterviewType.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: form["round_" + $0.rawValue] == "on") }
        loopDate = form["loopDate"] ?? ""
        company = form["company"] ?? ""
        self.errors = errors
        self.back = back
    }

    static func target(_ form: [String: String]) throws -> Target {
        try Target.parse(
            tier: form["tier"], level: form["level"],
            types: InterviewType.allCases.filter { form["round_" + $0.rawValue] == "on" }.map(\.rawValue),
            loopDate: form["loopDate"], company: form["company"])
    }
}

/// The settings page: the target, for now.
struct SettingsPage: Encodable {
    var title = "Settings"
    var target: TargetForm
    var saved: Bool
    /// With accounts: the account's password, devices and tokens.
    var account: AccountSection?
}
