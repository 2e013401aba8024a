import Foundation
import Testing

@testable import MockLoopCore

/// The partner scorer: deterministic, every part of a score stated as a reason, and the
/// ordering rules the product promises, over many generated profiles.
struct PartnerScorerTests {
    static let now = Date(timeIntervalSince1970: TimeInterval(LocalDay.number(year: 2026, month: 11, day: 30) * 86400 + 3600))
    static let today = LocalDay.today(now)
    static let zones = ["Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Asia/Kathmandu", "UTC", "Australia/Sydney"]

    static func randomProfile(_ rng: inout SeededGenerator, n: Int) -> PartnerProfile {
        func types() -> [InterviewType] { InterviewType.allCases.filter { _ in Bool.random(using: &rng) } }
        var week = WeeklyAvailability()
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let s = Int.random(in: 0..<WeeklyAvailability.quartersPerWeek - 16, using: &rng)
            for q in s..<s + Int.random(in: 4...16, using: &rng) { week.insert(q) }
        }
        let companies = ["Google", "Stripe", "Acme|Co", "Meta"]
        let loops = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
            PassedLoop(
                company: companies.randomElement(using: &rng)!, tier: CompanyTier.allCases.randomElement(using: &rng)!,
                level: Level.allCases.randomElement(using: &rng)!, types: [InterviewType.allCases.randomElement(using: &rng)!],
                month: "2026-\(String(format: "%02d", Int.random(in: 1...11, using: &rng)))", verified: Bool.random(using: &rng))
        }
        return PartnerProfile(
            userID: UUID(), handle: "p-\(n)", companies: Bool.random(using: &rng) ? [companies.randomElement(using: &rng)!] : [],
            tier: CompanyTier.allCases.randomElement(using: &rng)!, level: Level.allCases.randomElement(using: &rng)!, wants: types(),
            offers: types(), timeZone: zones.randomElement(using: &rng)!,
            availability: Availability(
                weekly: week,
                exceptions: Bool.random(using: &rng)
                    ? [
                        AvailabilityException(day: today + 3, extra: nil),
                        AvailabilityException(day: today + 5, extra: QuarterSpan(start: 40, end: 48)),
                    ]
                    : []), languages: Bool.random(using: &rng) ? ["English"] : [], loops: loops)
    }

    static func rank(_ me: PartnerProfile, _ others: [(PartnerProfile, PartnerStats)]) -> [PartnerSuggestion] {
        let card = MatchCard(me)
        let window = ZoneQuarters.window(from: now)
        let scorer = PartnerScorer(
            me: card, today: today,
            mine: card.availability.isEmpty
                ? nil : card.availability.free(in: ZoneQuarters(zone: me.zone, start: window.start, count: window.count)))
        return PartnerScorer.rank(
            others.compactMap { p, stats in
                scorer.evaluate(
                    MatchCard(p, ledger: stats), userID: p.userID,
                    zone: scorer.prepare(ZoneQuarters(zone: p.zone, start: window.start, count: window.count)),
                    lastPairedDaysAgo: nil, explain: true)
            })
    }

    @Test func aCardReadsBackAsTheProfileMadeIt() {
        var rng = SeededGenerator(seed: 11)
        for n in 0..<300 {
            let p = Self.randomProfile(&rng, n: n)
            let card = MatchCard(
                p,
                ledger: PartnerStats(
                    given: n % 4, received: n % 3, ratingTotal: Double(n % 7) / 2 + 1, ratings: n % 5, bookings: n % 6, noShows: n % 2))
            #expect(MatchCard(text: card.text) == card, "profile \(n): \(card.text)")
        }
        #expect(MatchCard(text: "v0|x") == nil)
        #expect(MatchCard(Self.randomProfile(&rng, n: 1)).companies.allSatisfy { !$0.contains("|") })
    }

    /// The same people in any order rank the same; nobody ranks who offers nothing I want.
    @Test func rankingIsDeterministicAndOnlyOffersWhatIWant() {
        for seed in 1...40 {
            var rng = SeededGenerator(seed: UInt64(seed))
            var me = Self.randomProfile(&rng, n: 0)
            if me.wants.isEmpty { me.wants = [.coding] }
            let others = (1...40).map { n in
                (
                    Self.randomProfile(&rng, n: n),
                    PartnerStats(given: Int.random(in: 0...4, using: &rng), received: Int.random(in: 0...4, using: &rng))
                )
            }
            let a = Self.rank(me, others)
            let b = Self.rank(me, others.shuffled(using: &rng))
            #expect(a.map(\.handle) == b.map(\.handle), "seed \(seed)")
            #expect(a.map(\.score) == b.map(\.score))
            for s in a {
                let p = others.first { $0.0.handle == s.handle }!.0
                #expect(p.offers.contains(where: me.wants.contains), "\(s.handle) offers something I want")
                #expect(s.reasons.contains { $0.hasPrefix("offers ") })
                let gives = me.offers.contains(where: p.wants.contains)
                #expect(s.reasons.contains { $0.hasPrefix("wants ") } == gives, "the give-one-get-one reason matches the types")
            }
            for (x, y) in zip(a, a.dropFirst()) { #expect(x.score > y.score || (x.score == y.score && x.handle < y.handle)) }
        }
    }

    static func twin(_ base: PartnerProfile, _ handle: String, _ change: (inout PartnerProfile) -> Void = { _ in }) -> PartnerProfile {
        var p = base
        p.userID = UUID()
        p.handle = handle
        change(&p)
        return p
    }

    /// Profiles alike in all but one thing rank as the product promises.
    @Test func orderingRules() throws {
        let week = try WeeklyAvailability.parse("Mon-Fri 18:00-20:00")
        let me = PartnerProfile(
            userID: UUID(), handle: "me", companies: ["Google"], tier: .tier1, level: .senior, wants: [.systemDesign], offers: [.coding],
            timeZone: "Europe/Berlin", availability: Availability(weekly: week))
        let base = PartnerProfile(
            userID: UUID(), handle: "base", tier: .tier1, level: .senior, wants: [.coding], offers: [.systemDesign],
            timeZone: "Europe/London", availability: Availability(weekly: week))
        let loop = PassedLoop(company: "Google", tier: .tier1, level: .staff, types: [.systemDesign], month: "2026-10", verified: true)
        func order(_ people: [(PartnerProfile, PartnerStats)]) -> [String] { Self.rank(me, people).map(\.handle) }
        let none = PartnerStats()

        let company = Self.twin(base, "z-company") { $0.loops = [loop] }
        let tier = Self.twin(base, "a-tier") {
            $0.loops = [PassedLoop(company: "Other", tier: .tier1, level: .staff, types: [.systemDesign], month: "2026-10", verified: true)]
        }
        let old = Self.twin(base, "b-old") {
            $0.loops = [
                PassedLoop(company: "Google", tier: .tier1, level: .staff, types: [.systemDesign], month: "2026-01", verified: true)
            ]
        }
        let selfSaid = Self.twin(base, "c-self") {
            $0.loops = [PassedLoop(company: "Google", tier: .tier1, level: .staff, types: [.systemDesign], month: "2026-10")]
        }
        #expect(order([(tier, none), (company, none)]) == ["z-company", "a-tier"], "my company above my tier")
        #expect(order([(old, none), (company, none)]) == ["z-company", "b-old"], "recent above old")
        #expect(order([(selfSaid, none), (company, none)]) == ["z-company", "c-self"], "verified above self-declared")
        let stale = Self.twin(base, "a-stale") {
            $0.loops = [
                PassedLoop(company: "Google", tier: .tier1, level: .staff, types: [.systemDesign], month: "2025-10", verified: true)
            ]
        }
        #expect(
            Self.rank(me, [(stale, none)]).first?.reasons.contains { $0.contains("passed") } == false,
            "a loop over 12 months old counts no more")

        let taker = Self.twin(base, "a-taker")
        let giver = Self.twin(base, "z-giver")
        let ranked = Self.rank(me, [(taker, PartnerStats(given: 0, received: 3)), (giver, PartnerStats(given: 2, received: 2))])
        #expect(ranked.map(\.handle) == ["z-giver", "a-taker"], "someone who only takes is ranked down")
        #expect(ranked[1].reasons.contains { $0.contains("given none") }, "and told why")

        let honest = Self.twin(base, "z-honest")
        let polite = Self.twin(base, "a-polite")
        #expect(
            order([(polite, PartnerStats(ratingTotal: 4, ratings: 3)), (honest, PartnerStats(ratingTotal: 9, ratings: 3))]) == [
                "z-honest", "a-polite",
            ],
            "rated feedback counts")
        let noShow = Self.twin(base, "a-noshow")
        #expect(order([(noShow, PartnerStats(bookings: 4, noShows: 2)), (Self.twin(base, "z-shows"), none)]) == ["z-shows", "a-noshow"])

        let far = Self.twin(base, "a-far") { $0.timeZone = "Pacific/Auckland" }
        #expect(order([(far, none), (Self.twin(base, "z-near"), none)]) == ["z-near", "a-far"], "more shared hours first")
        let junior = Self.twin(base, "a-junior") { $0.level = .mid }
        #expect(order([(junior, none), (Self.twin(base, "z-senior"), none)]) == ["z-senior", "a-junior"])
        let wrongLanguage = Self.twin(base, "a-lang") { $0.languages = ["German"] }
        var speaker = me
        speaker.languages = ["English"]
        #expect(Self.rank(speaker, [(wrongLanguage, none)]).isEmpty, "no shared language, no suggestion")
    }

    /// Explaining never changes a score: the reasons are written from the same numbers, and the
    /// ledger speaks exactly when it counts.
    @Test func explainingNeverChangesTheScore() {
        var rng = SeededGenerator(seed: 5)
        let me = Self.randomProfile(&rng, n: 0)
        let window = ZoneQuarters.window(from: Self.now)
        let scorer = PartnerScorer(
            me: MatchCard(me), today: Self.today,
            mine: MatchCard(me).availability.free(in: ZoneQuarters(zone: me.zone, start: window.start, count: window.count)))
        var checked = 0
        for n in 1...400 {
            var p = Self.randomProfile(&rng, n: n)
            p.offers = InterviewType.allCases
            p.languages = []
            let stats = PartnerStats(
                given: Int.random(in: 0...5, using: &rng), received: Int.random(in: 0...5, using: &rng),
                ratingTotal: Double(Int.random(in: 2...6, using: &rng)) / 2, ratings: Int.random(in: 0...1, using: &rng),
                bookings: Int.random(in: 0...4, using: &rng), noShows: Int.random(in: 0...1, using: &rng))
            let zone = scorer.prepare(ZoneQuarters(zone: p.zone, start: window.start, count: window.count))
            let days = Bool.random(using: &rng) ? Int.random(in: 0...40, using: &rng) : nil
            guard let quiet = scorer.evaluate(MatchCard(p, ledger: stats), userID: p.userID, zone: zone, lastPairedDaysAgo: days),
                let told = scorer.evaluate(
                    MatchCard(p, ledger: stats), userID: p.userID, zone: zone, lastPairedDaysAgo: days, explain: true)
            else { continue }
            checked += 1
            #expect(quiet.score == told.score && quiet.reasons.isEmpty && !told.reasons.isEmpty)
            let ledgerReasons = told.reasons.filter {
                $0.hasPrefix("gave ") || $0.contains("given none") || $0.contains("rated") || $0.hasPrefix("missed")
            }
            #expect(ledgerReasons.isEmpty == (stats.given + stats.received == 0 && stats.ratings == 0 && stats.noShows == 0))
            #expect(told.reasons.contains { $0.contains("paired") } == (days.map { $0 < 30 } ?? false))
        }
        #expect(checked > 300)
    }

    /// The prepared-zone overlap (bit counts per week layer) equals counting quarter by quarter,
    /// in every zone and across a daylight-saving switch.
    @Test func fastOverlapEqualsCounting() {
        var rng = SeededGenerator(seed: 21)
        for (n, start) in [Self.now, Date(timeIntervalSince1970: TimeInterval(LocalDay.number(year: 2027, month: 3, day: 20) * 86400))]
            .enumerated()
        {
            for k in 0..<150 {
                let me = Self.randomProfile(&rng, n: k)
                let them = Self.randomProfile(&rng, n: k + 1000)
                let mine = me.availability.free(in: ZoneQuarters(zone: me.zone, start: start, count: 14 * 96))
                let scorer = PartnerScorer(me: MatchCard(me), today: Self.today, mine: mine)
                let local = ZoneQuarters(zone: them.zone, start: start, count: 14 * 96)
                #expect(
                    scorer.overlap(MatchCard(them), scorer.prepare(local)) == them.availability.overlap(with: mine, in: local),
                    "window \(n), case \(k)")
            }
        }
    }

    @Test func profileProblemsAreNamedByField() {
        var input = PartnerProfileInput()
        input.handle = "Bad Handle"
        input.tier = "tier9"
        input.level = "senior"
        input.wants = ["coding", "cooking"]
        input.timeZone = "Mars/Olympus"
        input.availability = "Mon 18:00-19:00\nsometime"
        input.loops = [.init(company: "Google", tier: "tier1", level: "staff", types: ["coding"], month: "2031-01")]
        do {
            _ = try input.profile(userID: UUID(), today: Self.today)
            Issue.record("accepted")
        } catch let e as MockLoopError {
            #expect(Set(e.fields.keys) == ["handle", "tier", "wants", "timeZone", "availability", "loops.0.month"], "\(e.fields)")
            #expect(e.fields["loops.0.month"]?.contains("future") == true)
        } catch { Issue.record("\(error)") }
        input.handle = "profile"
        #expect(throws: MockLoopError.self) { try input.profile(userID: UUID(), today: Self.today) }
        input = PartnerProfileInput()
        input.handle = "ok-handle"
        input.tier = "tier1"
        input.level = "senior"
        input.wants = ["coding"]
        for zone in ["Asia/Kolkata", "America/Sao_Paulo", "UTC", "Europe/Kyiv"] {
            input.timeZone = zone
            #expect((try? input.profile(userID: UUID(), today: Self.today))?.timeZone == zone, "\(zone) is a zone")
        }
        for zone in ["CET", "GMT+5", "Etc/GMT-3", "", "Europe/Atlantis"] {
            input.timeZone = zone
            #expect(throws: MockLoopError.self, "\(zone) is not") { try input.profile(userID: UUID(), today: Self.today) }
        }
    }
}
