/// When someone is free in an ordinary week, in their own time zone: a set of quarter hours
/// from Monday 00:00 to Sunday 24:00. Kept as bits so matching thousands of people stays cheap.
public struct WeeklyAvailability: Equatable, Sendable {
    public static let quartersPerDay = 96
    public static let quartersPerWeek = 7 * quartersPerDay
    public static let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// One bit per quarter hour of the week, Monday first.
    public private(set) var bits: [UInt64]

    public init() { bits = Array(repeating: 0, count: (Self.quartersPerWeek + 63) / 64) }

    /// A week from its bits, as `bits` gives them; nil for the wrong number of words.
    public init?(bits: [UInt64]) {
        guard bits.count == (Self.quartersPerWeek + 63) / 64 else { return nil }
        self.bits = bits
    }

    public var isEmpty: Bool { bits.allSatisfy { $0 == 0 } }

    public func contains(_ quarter: Int) -> Bool { bits[quarter >> 6] & (1 << UInt64(quarter & 63)) != 0 }

    public mutating func insert(_ quarter: Int) { bits[quarter >> 6] |= 1 << UInt64(quarter & 63) }

    /// Quarters free in the week.
    public var quarters: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Parses lines like "Mon-Fri 18:00-20:00" or "Sat 09:00-12:30, Sun 10:00-11:00": a day or a
    /// range of days, then a time range on the quarter hour ("24:00" ends a day). Each problem
    /// names its line.
    public static func parse(_ text: String) throws -> WeeklyAvailability {
        var week = WeeklyAvailability()
        var problems = FieldProblems()
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (n, line) in lines.enumerated() {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let days = dayRange(String(parts[0])), let span = QuarterSpan.parse(String(parts[1])) else {
                problems.add("availability", "entry \(n + 1) (\"\(line.prefix(40))\") must look like \"Mon-Fri 18:00-20:00\"")
                continue
            }
            for day in days {
                for q in span.start..<span.end { week.insert(day * quartersPerDay + q) }
            }
        }
        if lines.count > 40 { problems.add("availability", "has \(lines.count) entries; at most 40") }
        try problems.check()
        return week
    }

    /// The week written back as the lines `parse` reads, one span per line, Monday first.
    public var text: String {
        var lines: [String] = []
        for day in 0..<7 {
            var q = 0
            while q < Self.quartersPerDay {
                guard contains(day * Self.quartersPerDay + q) else {
                    q += 1
                    continue
                }
                let start = q
                while q < Self.quartersPerDay, contains(day * Self.quartersPerDay + q) { q += 1 }
                lines.append("\(Self.days[day]) \(QuarterSpan(start: start, end: q).text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func dayRange(_ s: String) -> [Int]? {
        let ends = s.split(separator: "-").map { day(String($0)) }
        if ends.count == 1, let d = ends[0] { return [d] }
        guard ends.count == 2, let a = ends[0], let b = ends[1] else { return nil }
        return a <= b ? Array(a...b) : Array(a...6) + Array(0...b)
    }

    static func day(_ s: String) -> Int? {
        let key = s.prefix(3).lowercased()
        return days.firstIndex { $0.lowercased() == key }
    }
}

/// A time range within one day, in quarter hours: "18:00-20:30" is quarters 72 to 82.
public struct QuarterSpan: Equatable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func parse(_ s: String) -> QuarterSpan? {
        let ends = s.split(separator: "-")
        guard ends.count == 2, let a = quarter(String(ends[0])), let b = quarter(String(ends[1])), a < b else { return nil }
        return QuarterSpan(start: a, end: b)
    }

    /// "HH:MM" on the quarter hour, 00:00 to 24:00.
    static func quarter(_ s: String) -> Int? {
        let hm = s.split(separator: ":")
        guard hm.count == 2, hm[0].count <= 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
            (0...24).contains(h), [0, 15, 30, 45].contains(m), h * 60 + m <= 1440
        else { return nil }
        return (h * 60 + m) / 15
    }

    public var text: String { "\(Self.clock(start))-\(Self.clock(end))" }

    public static func clock(_ quarter: Int) -> String {
        let m = quarter * 15
        return "\(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)"
    }
}
