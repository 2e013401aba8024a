import Foundation

/// A one-off change to someone's ordinary week, on one date of their own calendar: away all
/// day ("2026-12-24 off"), or free at a time they usually are not ("2026-12-27 10:00-12:00").
public struct AvailabilityException: Equatable, Sendable {
    /// Days since 1970-01-01 of the local date.
    public var day: Int
    /// nil: away that whole day.
    public var extra: QuarterSpan?

    public init(day: Int, extra: QuarterSpan?) {
        self.day = day
        self.extra = extra
    }

    /// One exception per line; each problem names its line.
    public static func parseAll(_ text: String) throws -> [AvailabilityException] {
        var problems = FieldProblems()
        var found: [AvailabilityException] = []
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (n, line) in lines.enumerated() {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let day = LocalDay.parse(String(parts[0])) else {
                problems.add(
                    "exceptions", "line \(n + 1) (\"\(line.prefix(40))\") must look like \"2026-12-24 off\" or \"2026-12-27 10:00-12:00\"")
                continue
            }
            if parts[1].lowercased() == "off" {
                found.append(AvailabilityException(day: day, extra: nil))
            } else if let span = QuarterSpan.parse(String(parts[1])) {
                found.append(AvailabilityException(day: day, extra: span))
            } else {
                problems.add("exceptions", "line \(n + 1): \"\(parts[1].prefix(20))\" is neither \"off\" nor a time range like 10:00-12:00")
            }
        }
        if lines.count > 60 { problems.add("exceptions", "has \(lines.count) lines; at most 60") }
        try problems.check()
        return found.sorted { ($0.day, $0.extra?.start ?? -1) < ($1.day, $1.extra?.start ?? -1) }
    }

    public var text: String { "\(LocalDay.text(day)) \(extra?.text ?? "off")" }
}

/// A calendar date as a day number (days since 1970-01-01), proleptic Gregorian, no zone.
public enum LocalDay {
    public static func parse(_ s: String) -> Int? {
        let p = s.split(separator: "-")
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2, let y = Int(p[0]), let m = Int(p[1]),
            let d = Int(p[2]), (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d), (1970...2999).contains(y)
        else { return nil }
        return number(year: y, month: m, day: d)
    }

    /// Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    public static func number(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func civil(_ n: Int) -> (year: Int, month: Int, day: Int) {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Today's day number in UTC.
    public static func today(_ now: Date) -> Int { Int((now.timeIntervalSince1970 / 86400).rounded(.down)) }

    /// Monday is 0.
    public static func weekday(_ n: Int) -> Int { ((n % 7) + 7 + 3) % 7 }

    public static func text(_ n: Int) -> String {
        let c = civil(n)
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
