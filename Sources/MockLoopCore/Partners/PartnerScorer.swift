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
    let thisMonth: Int
    /// My free quarters over the window, or nil when I have not said when I am free.
    public let mine: [Int]?

    public init(me: MatchCard, today: Int, mine: QuarterSet?) {
        self.me = me
        self.today = today
        thisMonth = LocalMonth(day: today).number
        self.mine = mine?.members
    }

    /// My free quarters as one zone reads them, prepared once for everyone in that zone: the
    /// quarter of the local week each falls on, in layers (a week quarter met twice in the 14
    /// days is in two), so the overlap with a week is a few ANDs and bit counts.
    public struct Zone: Sendable {
        public let quarters: ZoneQuarters
        let layers: [[UInt64]]
    }

    public func prepare(_ zone: ZoneQuarters) -> Zone {
        let words = (WeeklyAvailability.quartersPerWeek + 63) / 64
        var layers: [[UInt64]] = []
        for i in mine ?? [] {
            let w = LocalDay.weekday(Int(zone.days[i])) * WeeklyAvailability.quartersPerDay + Int(zone.quarters[i])
            let bit: UInt64 = 1 << UInt64(w & 63)
            var k = 0
            while k < layers.count && layers[k][w >> 6] & bit != 0 { k += 1 }
            if k == layers.count { layers.append([UInt64](repeating: 0, count: words)) }
            layers[k][w >> 6] |= bit
        }
        return Zone(quarters: zone, layers: layers)
    }

    /// Quarters of mine in which they are free too.
    func overlap(_ them: MatchCard, _ zone: Zone) -> Int {
        guard them.availability.exceptions.isEmpty else {
            var n = 0
            for i in mine ?? [] where them.availability.isFree(day: Int(zone.quarters.days[i]), quarter: Int(zone.quarters.quarters[i])) {
                n += 1
            }
            return n
        }
        let week = them.availability.weekly.bits
        var n = 0
        for layer in zone.layers {
            for w in 0..<week.count { n += (layer[w] & week[w]).nonzeroBitCount }
        }
        return n
    }

    /// Their score (and reasons when `explain`), or nil when they are no partner for me: nothing
    /// I want is offered, or no language is shared.
    public func evaluate(
        _ them: MatchCard, userID: UUID, zone: Zone, lastPairedDaysAgo: Int?, explain: Bool = false
    ) -> PartnerSuggestion? {
        if me.wantsMask != 0 && me.wantsMask & them.offersMask == 0 { return nil }
        if !me.keys.languages.isEmpty && !them.keys.languages.isEmpty && !me.keys.languages.contains(where: them.keys.languages.contains) {
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
        if mine != nil {
            hours = Double(overlap(them, zone)) / 4
            add(
                min(hours, 10) / 10 * 20,
                hours == 0 ? "no free time shared in the next 14 days" : "\(Self.hours(hours)) free together in the next 14 days")
        }
        if me.wantsMask & them.offersMask != 0 {
            add(15, "offers \(Self.list(MatchCard.types(me.wantsMask & them.offersMask))), which you want")
        }
        if me.offersMask & them.wantsMask != 0 {
            add(5, "wants \(Self.list(MatchCard.types(me.offersMask & them.wantsMask))), which you offer: give one, get one")
        }
        if Self.rank(them.level) >= Self.rank(me.level) {
            add(6, "\(them.level.label), at or above your \(me.level.label)")
        } else {
            add(-6, "\(them.level.label), below your \(me.level.label)")
        }
        if let days = lastPairedDaysAgo, days < 30 {
            add(
                -8 * (1 - Double(days) / 30),
                days == 0 ? "you paired today: try someone new" : "you paired \(days) day\(days == 1 ? "" : "s") ago: try someone new")
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
                "their feedback is rated \(String(format: "%.1f", rating)) of 3 for specific and honest (\(l.ratings) rating\(l.ratings == 1 ? "" : "s"))"
            )
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
        let now = thisMonth
        var best: (Double, PassedLoop, Int, Bool)?
        for (loop, key) in zip(them.loops, them.keys.loops) {
            guard let month = key.month else { continue }
            let age = now - month
            guard age >= 0, age < 12 else { continue }
            let company = me.keys.companies.contains(key.company)
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
