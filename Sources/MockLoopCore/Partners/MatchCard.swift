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
    public let wants: [InterviewType]
    public let offers: [InterviewType]
    /// The same as bits, for ranking without building arrays.
    let wantsMask: Int
    let offersMask: Int
    public var timeZone: String
    public var availability: Availability
    public var languages: [String]
    public var companies: [String]
    public var loops: [PassedLoop]
    /// Kept here too (refreshed when a mock ends or is rated) so ranking reads one column.
    public var ledger: PartnerStats
    /// Names lower-cased and loop months as numbers, worked out once per card, not per ranking.
    private(set) var keys = Keys()

    struct Keys: Equatable, Sendable {
        var companies: [String] = []
        var languages: [String] = []
        var loops: [(company: String, month: Int?)] = []

        static func == (a: Keys, b: Keys) -> Bool {
            a.companies == b.companies && a.languages == b.languages && a.loops.map(\.company) == b.loops.map(\.company)
                && a.loops.map(\.month) == b.loops.map(\.month)
        }
    }

    mutating func derive() {
        keys = Keys(
            companies: companies.map { $0.lowercased() }, languages: languages.map { $0.lowercased() },
            loops: loops.map { ($0.company.lowercased(), PassedLoop.monthNumber($0.month)) })
    }

    public init(_ p: PartnerProfile, ledger: PartnerStats = PartnerStats()) {
        self.ledger = ledger
        handle = p.handle
        tier = p.tier
        level = p.level
        wants = p.wants
        offers = p.offers
        wantsMask = Self.mask(p.wants)
        offersMask = Self.mask(p.offers)
        timeZone = p.timeZone
        availability = p.availability
        languages = p.languages.map(Self.key)
        companies = p.companies.map(Self.key)
        loops = p.loops.map {
            PassedLoop(
                company: Self.key($0.company), tier: $0.tier, level: $0.level, types: $0.types, month: $0.month, verified: $0.verified)
        }
        derive()
    }

    /// A name as the card keeps it: the card's separators blanked.
    public static func key(_ s: String) -> String {
        String(s.map { "|/~;:".contains($0) ? " " : $0 }).trimmingCharacters(in: .whitespaces)
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

    /// nil for a line that is not a card of this version. Reads bytes, not characters: this
    /// runs for every visible profile on every ranking.
    public init?(text: String) {
        let bytes = Array(text.utf8)
        let f = Bytes.split(bytes[...], "|")
        guard f.count == 13, Bytes.string(f[0]) == "v1", let tier = CompanyTier(rawValue: Bytes.string(f[2])),
            let level = Level(rawValue: Bytes.string(f[3])), let wants = Bytes.int(f[4]), let offers = Bytes.int(f[5])
        else { return nil }
        handle = Bytes.string(f[1])
        self.tier = tier
        self.level = level
        self.wants = Self.types(wants)
        self.offers = Self.types(offers)
        wantsMask = wants
        offersMask = offers
        timeZone = Bytes.string(f[6])
        let words = Bytes.split(f[7], "/").map { Bytes.hex($0) }
        guard !words.contains(nil), let week = WeeklyAvailability(bits: words.map { $0! }) else { return nil }
        var exceptions: [AvailabilityException] = []
        for e in Bytes.split(f[8], "/") where !e.isEmpty {
            let p = Bytes.split(e, ":")
            guard p.count == 2, let day = Bytes.int(p[0]) else { return nil }
            if Bytes.string(p[1]) == "off" {
                exceptions.append(AvailabilityException(day: day, extra: nil))
            } else {
                let r = Bytes.split(p[1], "-").compactMap(Bytes.int)
                guard r.count == 2 else { return nil }
                exceptions.append(AvailabilityException(day: day, extra: QuarterSpan(start: r[0], end: r[1])))
            }
        }
        availability = Availability(weekly: week, exceptions: exceptions)
        languages = Bytes.split(f[9], "/").filter { !$0.isEmpty }.map(Bytes.string)
        companies = Bytes.split(f[10], "/").filter { !$0.isEmpty }.map(Bytes.string)
        var loops: [PassedLoop] = []
        for l in Bytes.split(f[11], "/") where !l.isEmpty {
            let p = Bytes.split(l, "~")
            guard p.count == 6, let t = CompanyTier(rawValue: Bytes.string(p[1])), let lv = Level(rawValue: Bytes.string(p[2])),
                let m = Bytes.int(p[3])
            else { return nil }
            loops.append(
                PassedLoop(
                    company: Bytes.string(p[0]), tier: t, level: lv, types: Self.types(m), month: Bytes.string(p[4]),
                    verified: Bytes.string(p[5]) == "1"))
        }
        self.loops = loops
        let n = Bytes.split(f[12], "~")
        guard n.count == 6, let g = Bytes.int(n[0]), let r = Bytes.int(n[1]), let rs = Bytes.int(n[2]), let b = Bytes.int(n[3]),
            let ns = Bytes.int(n[4]), let total = Double(Bytes.string(n[5]))
        else { return nil }
        ledger = PartnerStats(given: g, received: r, ratingTotal: total, ratings: rs, bookings: b, noShows: ns)
        derive()
    }

    static func mask(_ types: [InterviewType]) -> Int {
        types.reduce(0) { $0 | 1 << InterviewType.allCases.firstIndex(of: $1)! }
    }

    static func types(_ mask: Int) -> [InterviewType] {
        InterviewType.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
    }
}

/// Byte-level reading of a card's fields.
enum Bytes {
    static func split(_ s: ArraySlice<UInt8>, _ separator: Unicode.Scalar) -> [ArraySlice<UInt8>] {
        let sep = UInt8(separator.value)
        var out: [ArraySlice<UInt8>] = []
        var start = s.startIndex
        for i in s.indices where s[i] == sep {
            out.append(s[start..<i])
            start = i + 1
        }
        out.append(s[start..<s.endIndex])
        return out
    }

    static func string(_ s: ArraySlice<UInt8>) -> String { String(decoding: s, as: UTF8.self) }

    /// A decimal integer, with an optional leading minus.
    static func int(_ s: ArraySlice<UInt8>) -> Int? {
        var n = 0
        var negative = false
        var digits = 0
        for (k, b) in s.enumerated() {
            if k == 0 && b == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard b >= 48, b <= 57, digits < 18 else { return nil }
            n = n * 10 + Int(b - 48)
            digits += 1
        }
        return digits == 0 ? nil : (negative ? -n : n)
    }

    static func hex(_ s: ArraySlice<UInt8>) -> UInt64? {
        guard !s.isEmpty, s.count <= 16 else { return nil }
        var n: UInt64 = 0
        for b in s {
            let v: UInt8
            switch b {
            case 48...57: v = b - 48
            case 97...102: v = b - 87
            case 65...70: v = b - 55
            default: return nil
            }
            n = n << 4 | UInt64(v)
        }
        return n
    }
}
