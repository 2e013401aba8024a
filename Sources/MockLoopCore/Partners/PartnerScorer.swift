import Foundation

/// One suggested partner: the score that ranks them and the reasons, in words, it is made of.
public struct PartnerSuggestion: Equatable, Sendable {
    public var userID: UUID
    public var handle: String
    public var score: Double
    public var reasons: [String]
    /// Hours both are free in the next 14 days.
    public var overlapHours: Double
}

/// Ranks possible partners for one person. Deterministic: the same profiles, ledger and clock
/// give the same order (ties go by handle). Each part of a score adds a reason, so a suggestion
/// never claims what its score does not count.
public struct PartnerScorer: Sendable {
    /// The most the ledger parts (reciprocity, feedback ratings, no-shows) can add: ranking
    /// scores everyone without them first, and loads ledgers only for those who could still
    /// make the list.
    public static let ledgerCeiling = 9.0 + 8.0

    public let me: MatchCard
    public let today: Int
    /// My free quarters over the window, or nil when I have not said when I am free.
    public let mine: QuarterSet?

    public init(me: MatchCard, today: Int, mine: QuarterSet?) {
        self.me = me
        self.today = today
        self.mine = mine
    }

    /// The score and reasons that do not need the other person's ledger, or nil when they are
    /// no partner for me at all: nothing I want is offered, or no language is shared.
    public func base(_ them: MatchCard, userID: UUID, zone: ZoneQuarters, lastPairedDaysAgo: Int?) -> PartnerSuggestion? {
        let offered = me.wants.filter { them.offers.contains($0) }
        if !me.wants.isEmpty && offered.isEmpty { return nil }
        if !me.languages.isEmpty && !them.languages.isEmpty && !me.languages.contains(where: { MatchCard.names(them.languages, contain: $0) }) { return nil }
        var score = 0.0
        var reasons: [String] = []
        if let (points, reason) = loopPart(them) {
            score += points
            reasons.append(reason)
        }
        var hours = 0.0
        if let mine {
            hours = Double(them.availability.overlap(with: mine, in: zone)) / 4
            score += min(hours, 10) / 10 * 20
            reasons.append(hours == 0 ? "no free time shared in the next 14 days" : "\(Self.hours(hours)) free together in the next 14 days")
        }
        if !offered.isEmpty {
            score += 15
            reasons.append("offers \(Self.list(offered)), which you want")
        }
        let wanted = me.offers.filter { them.wants.contains($0) }
        if !wanted.isEmpty {
            score += 5
            reasons.append("wants \(Self.list(wanted)), which you offer: give one, get one")
        }
        let levels = Level.allCases
        let theirs = levels.firstIndex(of: them.level)!
        let mineLevel = levels.firstIndex(of: me.level)!
        if theirs >= mineLevel {
            score += 6
            reasons.append("\(them.level.label), at or above your \(me.level.label)")
        } else {
            score -= 6
            reasons.append("\(them.level.label), below your \(me.level.label)")
        }
        if let days = lastPairedDaysAgo, days < 30 {
            score -= 8 * (1 - Double(days) / 30)
            reasons.append(days == 0 ? "you paired today: try someone new" : "you paired \(days) day\(days == 1 ? "" : "s") ago: try someone new")
        }
        return PartnerSuggestion(userID: userID, handle: them.handle, score: score, reasons: reasons, overlapHours: hours)
    }

    /// Adds the ledger: reciprocity, how their feedback was rated, missed bookings.
    public func complete(_ s: PartnerSuggestion, _ stats: PartnerStats) -> PartnerSuggestion {
        var s = s
        if stats.onlyTakes {
            s.score -= 10
            s.reasons.append("has received \(stats.received) mocks here and given none: ranked down until they give one")
        } else if stats.given + stats.received > 0 {
            s.score += Double(max(-3, min(3, stats.given - stats.received))) * 3
            s.reasons.append("gave \(stats.given), received \(stats.received) here")
        }
        if let rating = stats.rating {
            s.score += (rating - 2) * 8 * Double(min(stats.ratings, 3)) / 3
            s.reasons.append(
                "their feedback is rated \(String(format: "%.1f", rating)) of 3 for specific and honest (\(stats.ratings) rating\(stats.ratings == 1 ? "" : "s"))")
        }
        if stats.noShows > 0 {
            s.score -= 15 * Double(stats.noShows) / Double(max(stats.bookings, stats.noShows))
            s.reasons.append("missed \(stats.noShows) of \(max(stats.bookings, stats.noShows)) booked mocks")
        }
        return s
    }

    /// Their best passed loop for my target: my company first, then my tier, fading to nothing
    /// over 12 months; an admin-verified loop counts in full, a self-declared one at 80%.
    func loopPart(_ them: MatchCard) -> (Double, String)? {
        let now = LocalMonth(day: today).number
        var best: (Double, String)?
        for loop in them.loops {
            guard let month = PassedLoop.monthNumber(loop.month) else { continue }
            let age = now - month
            guard age >= 0, age < 12 else { continue }
            let company = MatchCard.names(me.companies, contain: loop.company)
            guard company || loop.tier == me.tier else { continue }
            var points = 30 * (company ? 1 : 0.6) * (1 - Double(age) / 12) * (loop.verified ? 1 : 0.8)
            if !me.wants.isEmpty && !loop.types.contains(where: me.wants.contains) { points /= 2 }
            if best == nil || points > best!.0 {
                let when = age == 0 ? "this month" : "\(age) month\(age == 1 ? "" : "s") ago"
                let what = company ? "your target company (\(loop.company))" : "a \(loop.tier.label) loop"
                let reason =
                    "passed \(what) at \(loop.level.label) in \(Self.list(loop.types)) \(when)\(loop.verified ? ", verified" : ", self-declared")"
                best = (points, reason)
            }
        }
        return best
    }

    /// Best first; equal scores by handle, so the order never depends on how rows came back.
    public static func rank(_ list: [PartnerSuggestion]) -> [PartnerSuggestion] {
        list.sorted { $0.score != $1.score ? $0.score > $1.score : $0.handle < $1.handle }
    }

    static func list(_ types: [InterviewType]) -> String { types.map { $0.label.lowercased() }.joined(separator: ", ") }

    static func hours(_ h: Double) -> String { String(format: "%g h", h) }
}

/// A suggestion as the API and the CLI show it: the handle, never the account's id.
public struct PartnerListing: Codable, Sendable, Equatable {
    public var handle: String
    public var score: Double
    public var overlapHours: Double
    public var reasons: [String]

    public init(_ s: PartnerSuggestion) {
        handle = s.handle
        score = (s.score * 10).rounded() / 10
        overlapHours = s.overlapHours
        reasons = s.reasons
    }
}
