import Foundation

/// One suggested partner: the score that ranks them and the reasons, in words, it is made of.
public struct PartnerSuggestion: Equatable, Sendable {
    public var userID: UUID
    public var handle: String
    public var score: Double
    /// Empty until the suggestion is explained (only the ones shown are).
    public var reasons: [String]
    /// Hours both are free in the next 14 days.
    public var overlapHours: Double
}

/// Ranks possible partners for one person. Deterministic: the same profiles, ledgers and clock
/// give the same order (ties go by handle). Each part of a score is stated as a reason from the
/// same numbers, so a suggestion never claims what its score does not count. Reasons are written
/// only for the suggestions shown: ranking ten thousand people formats no text.
public struct PartnerScorer: Sendable {
    public let me: MatchCard
    public let today: Int
    /// My free quarters over the window, or nil when I have not said when I am free.
    public let mine: [Int]?

    public init(me: MatchCard, today: Int, mine: QuarterSet?) {
        self.me = me
        self.today = today
        self.mine = mine?.members
    }

    /// Their score (and reasons when `explain`), or nil when they are no partner for me: nothing
    /// I want is offered, or no language is shared.
    public func evaluate(
        _ them: MatchCard, userID: UUID, zone: ZoneQuarters, lastPairedDaysAgo: Int?, explain: Bool = false
    ) -> PartnerSuggestion? {
        let offered = me.wants.filter { them.offers.contains($0) }
        if !me.wants.isEmpty && offered.isEmpty { return nil }
        if !me.languages.isEmpty && !them.languages.isEmpty && !me.languages.contains(where: { MatchCard.names(them.languages, contain: $0) }) {
            return nil
        }
        var score = 0.0
        var reasons: [String] = []
        func add(_ points: Double, _ reason: @autoclosure () -> String) {
            score += points
            if explain { reasons.append(reason()) }
        }
        if let (points, loop, age, company) = loopPart(them) {
            add(points, Self.loopReason(loop, age: age, company: company))
        }
        var hours = 0.0
        if let mine {
            var quarters = 0
            for i in mine where them.availability.isFree(day: Int(zone.days[i]), quarter: Int(zone.quarters[i])) { quarters += 1 }
            hours = Double(quarters) / 4
            add(min(hours, 10) / 10 * 20, hours == 0 ? "no free time shared in the next 14 days" : "\(Self.hours(hours)) free together in the next 14 days")
        }
        if !offered.isEmpty { add(15, "offers \(Self.list(offered)), which you want") }
        let wanted = me.offers.filter { them.wants.contains($0) }
        if !wanted.isEmpty { add(5, "wants \(Self.list(wanted)), which you offer: give one, get one") }
        if Self.rank(them.level) >= Self.rank(me.level) {
            add(6, "\(them.level.label), at or above your \(me.level.label)")
        } else {
            add(-6, "\(them.level.label), below your \(me.level.label)")
        }
        if let days = lastPairedDaysAgo, days < 30 {
            add(-8 * (1 - Double(days) / 30), days == 0 ? "you paired today: try someone new" : "you paired \(days) day\(days == 1 ? "" : "s") ago: try someone new")
        }
        let l = them.ledger
        if l.onlyTakes {
            add(-10, "has received \(l.received) mocks here and given none: ranked down until they give one")
        } else if l.given + l.received > 0 {
            add(Double(max(-3, min(3, l.given - l.received))) * 3, "gave \(l.given), received \(l.received) here")
        }
        if let rating = l.rating {
            add(
                (rating - 2) * 8 * Double(min(l.ratings, 3)) / 3,
                "their feedback is rated \(String(format: "%.1f", rating)) of 3 for specific and honest (\(l.ratings) rating\(l.ratings == 1 ? "" : "s"))")
        }
        if l.noShows > 0 {
            let booked = max(l.bookings, l.noShows)
            add(-15 * Double(l.noShows) / Double(booked), "missed \(l.noShows) of \(booked) booked mocks")
        }
        return PartnerSuggestion(userID: userID, handle: them.handle, score: score, reasons: reasons, overlapHours: hours)
    }

    /// Their best passed loop for my target: my company first, then my tier, fading to nothing
    /// over 12 months; an admin-verified loop counts in full, a self-declared one at 80%, and
    /// half when none of its rounds is one I want.
    func loopPart(_ them: MatchCard) -> (Double, PassedLoop, Int, Bool)? {
        let now = LocalMonth(day: today).number
        var best: (Double, PassedLoop, Int, Bool)?
        for loop in them.loops {
            guard let month = PassedLoop.monthNumber(loop.month) else { continue }
            let age = now - month
            guard age >= 0, age < 12 else { continue }
            let company = MatchCard.names(me.companies, contain: loop.company)
            guard company || loop.tier == me.tier else { continue }
            var points = 30 * (company ? 1 : 0.6) * (1 - Double(age) / 12) * (loop.verified ? 1 : 0.8)
            if !me.wants.isEmpty && !loop.types.contains(where: me.wants.contains) { points /= 2 }
            if best == nil || points > best!.0 { best = (points, loop, age, company) }
        }
        return best
    }

    static func loopReason(_ loop: PassedLoop, age: Int, company: Bool) -> String {
        let when = age == 0 ? "this month" : "\(age) month\(age == 1 ? "" : "s") ago"
        let what = company ? "your target company (\(loop.company))" : "a \(loop.tier.label) loop"
        return "passed \(what) at \(loop.level.label) in \(list(loop.types)) \(when)\(loop.verified ? ", verified" : ", self-declared")"
    }

    /// Best first; equal scores by handle, so the order never depends on how rows came back.
    public static func rank(_ list: [PartnerSuggestion]) -> [PartnerSuggestion] { list.sorted(by: before) }

    public static func before(_ a: PartnerSuggestion, _ b: PartnerSuggestion) -> Bool {
        a.score != b.score ? a.score > b.score : a.handle < b.handle
    }

    static func rank(_ level: Level) -> Int { Level.allCases.firstIndex(of: level)! }

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
