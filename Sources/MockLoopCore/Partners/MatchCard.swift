import Foundation

/// The part of a profile matching reads, as one short line of text stored beside the profile:
/// ranking reads every visible profile, and parsing ten thousand of these lines takes a few
/// milliseconds where decoding ten thousand JSON documents takes hundreds.
///
/// `v1|handle|tier|level|wants|offers|zone|week|exceptions|languages|companies|loops|ledger`, where
/// types are bit masks, the week is hex words, and lists are joined with "/" (company and
/// language names with the separators blanked, as typed otherwise; compared ignoring case).
public struct MatchCard: Equatable, Sendable {
    public var handle: String
    public var tier: CompanyTier
    public var level: Level
    public var wants: [InterviewType]
    public var offers: [InterviewType]
    public var timeZone: String
    public var availability: Availability
    public var languages: [String]
    public var companies: [String]
    public var loops: [PassedLoop]
    /// Kept here too (refreshed when a mock ends or is rated) so ranking reads one column.
    public var ledger: PartnerStats

    public init(_ p: PartnerProfile, ledger: PartnerStats = PartnerStats()) {
        self.ledger = ledger
        handle = p.handle
        tier = p.tier
        level = p.level
        wants = p.wants
        offers = p.offers
        timeZone = p.timeZone
        availability = p.availability
        languages = p.languages.map(Self.key)
        companies = p.companies.map(Self.key)
        loops = p.loops.map {
            PassedLoop(company: Self.key($0.company), tier: $0.tier, level: $0.level, types: $0.types, month: $0.month, verified: $0.verified)
        }
    }

    /// A name as the card keeps it: the card's separators blanked.
    public static func key(_ s: String) -> String {
        String(s.map { "|/~;:".contains($0) ? " " : $0 }).trimmingCharacters(in: .whitespaces)
    }

    /// Whether a list of names holds this one, ignoring case.
    static func names(_ list: [String], contain name: String) -> Bool {
        list.contains { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    public var text: String {
        let week = availability.weekly.bits.map { String($0, radix: 16) }.joined(separator: "/")
        let counts: [Int] = [ledger.given, ledger.received, ledger.ratings, ledger.bookings, ledger.noShows]
        let ledgerText = counts.map { String($0) }.joined(separator: "~") + "~" + String(ledger.ratingTotal)
        let exceptions = availability.exceptions.map { "\($0.day):\($0.extra.map { "\($0.start)-\($0.end)" } ?? "off")" }
        let loops = self.loops.map {
            "\($0.company)~\($0.tier.rawValue)~\($0.level.rawValue)~\(Self.mask($0.types))~\($0.month)~\($0.verified ? 1 : 0)"
        }
        return [
            "v1", handle, tier.rawValue, level.rawValue, String(Self.mask(wants)), String(Self.mask(offers)), timeZone, week,
            exceptions.joined(separator: "/"), languages.joined(separator: "/"), companies.joined(separator: "/"),
            loops.joined(separator: "/"),
            ledgerText,
        ].joined(separator: "|")
    }

    /// nil for a line that is not a card of this version.
    public init?(text: String) {
        let f = text.split(separator: "|", omittingEmptySubsequences: false)
        guard f.count == 13, f[0] == "v1", let tier = CompanyTier(rawValue: String(f[2])), let level = Level(rawValue: String(f[3])),
            let wants = Int(f[4]), let offers = Int(f[5])
        else { return nil }
        handle = String(f[1])
        self.tier = tier
        self.level = level
        self.wants = Self.types(wants)
        self.offers = Self.types(offers)
        timeZone = String(f[6])
        guard let week = WeeklyAvailability(bits: f[7].split(separator: "/").compactMap { UInt64($0, radix: 16) }) else { return nil }
        var exceptions: [AvailabilityException] = []
        for e in f[8].split(separator: "/") {
            let p = e.split(separator: ":")
            guard p.count == 2, let day = Int(p[0]) else { return nil }
            if p[1] == "off" {
                exceptions.append(AvailabilityException(day: day, extra: nil))
            } else {
                let r = p[1].split(separator: "-").compactMap { Int($0) }
                guard r.count == 2 else { return nil }
                exceptions.append(AvailabilityException(day: day, extra: QuarterSpan(start: r[0], end: r[1])))
            }
        }
        availability = Availability(weekly: week, exceptions: exceptions)
        languages = f[9].split(separator: "/").map(String.init)
        companies = f[10].split(separator: "/").map(String.init)
        var loops: [PassedLoop] = []
        for l in f[11].split(separator: "/") {
            let p = l.split(separator: "~", omittingEmptySubsequences: false)
            guard p.count == 6, let t = CompanyTier(rawValue: String(p[1])), let lv = Level(rawValue: String(p[2])), let m = Int(p[3]) else {
                return nil
            }
            loops.append(PassedLoop(company: String(p[0]), tier: t, level: lv, types: Self.types(m), month: String(p[4]), verified: p[5] == "1"))
        }
        self.loops = loops
        let n = f[12].split(separator: "~")
        guard n.count == 6, let g = Int(n[0]), let r = Int(n[1]), let rs = Int(n[2]), let b = Int(n[3]), let ns = Int(n[4]), let total = Double(n[5])
        else { return nil }
        ledger = PartnerStats(given: g, received: r, ratingTotal: total, ratings: rs, bookings: b, noShows: ns)
    }

    static func mask(_ types: [InterviewType]) -> Int {
        types.reduce(0) { $0 | 1 << InterviewType.allCases.firstIndex(of: $1)! }
    }

    static func types(_ mask: Int) -> [InterviewType] {
        InterviewType.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
    }
}
