import Foundation

/// Someone's availability: their ordinary week and its one-off exceptions, both in their zone.
public struct Availability: Equatable, Sendable {
    public var weekly: WeeklyAvailability
    public var exceptions: [AvailabilityException]

    public init(weekly: WeeklyAvailability = WeeklyAvailability(), exceptions: [AvailabilityException] = []) {
        self.weekly = weekly
        self.exceptions = exceptions
    }

    public var isEmpty: Bool { weekly.isEmpty && !exceptions.contains { $0.extra != nil } }

    /// Free at this quarter of this local date? An exception on the date wins over the week:
    /// "off" clears the day, a time range adds to it.
    public func isFree(day: Int, quarter: Int) -> Bool {
        var off = false
        for e in exceptions where e.day == day {
            guard let extra = e.extra else {
                off = true
                continue
            }
            if (extra.start..<extra.end).contains(quarter) { return true }
        }
        return !off && weekly.contains(LocalDay.weekday(day) * WeeklyAvailability.quartersPerDay + quarter)
    }

    /// The quarters of a window when this person is free, given the window seen from their zone.
    public func free(in local: ZoneQuarters) -> QuarterSet {
        var set = QuarterSet(count: local.count)
        for i in 0..<local.count where isFree(day: Int(local.days[i]), quarter: Int(local.quarters[i])) {
            set.insert(i)
        }
        return set
    }

    /// How many quarters of `mine` this person is also free in.
    public func overlap(with mine: QuarterSet, in local: ZoneQuarters) -> Int {
        var n = 0
        for i in mine.members where isFree(day: Int(local.days[i]), quarter: Int(local.quarters[i])) { n += 1 }
        return n
    }
}

/// The quarter hours of a window (UTC, from a quarter-hour start) as one time zone reads them:
/// each one's local date and quarter of that day. Daylight saving falls out of it: a local time
/// skipped in spring never appears, one repeated in autumn appears twice.
public struct ZoneQuarters: Sendable {
    public let start: Date
    public let count: Int
    public let days: [Int32]
    public let quarters: [Int16]

    public init(zone: TimeZone, start: Date, count: Int) {
        self.start = start
        self.count = count
        var days = [Int32](repeating: 0, count: count)
        var quarters = [Int16](repeating: 0, count: count)
        let t0 = Int(start.timeIntervalSince1970.rounded(.down))
        var offset = zone.secondsFromGMT(for: start)
        var nextChange = zone.nextDaylightSavingTimeTransition(after: start).map { Int($0.timeIntervalSince1970) } ?? Int.max
        for i in 0..<count {
            let t = t0 + i * 900
            if t >= nextChange {
                offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t)))
                nextChange =
                    zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(t))).map {
                        Int($0.timeIntervalSince1970)
                    } ?? Int.max
            }
            let local = t + offset
            let day = local >= 0 ? local / 86400 : (local - 86399) / 86400
            days[i] = Int32(day)
            quarters[i] = Int16((local - day * 86400) / 900)
        }
        self.days = days
        self.quarters = quarters
    }

    /// The instant a quarter of the window starts.
    public func date(_ i: Int) -> Date { start.addingTimeInterval(TimeInterval(i * 900)) }

    /// The window matching uses: the next 14 days from the next quarter hour.
    public static func window(from now: Date, days: Int = 14) -> (start: Date, count: Int) {
        let t = (now.timeIntervalSince1970 / 900).rounded(.up) * 900
        return (Date(timeIntervalSince1970: t), days * WeeklyAvailability.quartersPerDay)
    }
}

/// A set of quarter hours of a window.
public struct QuarterSet: Equatable, Sendable {
    public let count: Int
    var bits: [UInt64]

    public init(count: Int) {
        self.count = count
        bits = Array(repeating: 0, count: (count + 63) / 64)
    }

    public mutating func insert(_ i: Int) { bits[i >> 6] |= 1 << UInt64(i & 63) }
    public mutating func remove(_ i: Int) { bits[i >> 6] &= ~(1 << UInt64(i & 63)) }
    public func contains(_ i: Int) -> Bool { i >= 0 && i < count && bits[i >> 6] & (1 << UInt64(i & 63)) != 0 }
    public var size: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var members: [Int] {
        var out: [Int] = []
        for (w, word) in bits.enumerated() {
            var b = word
            while b != 0 {
                out.append(w * 64 + b.trailingZeroBitCount)
                b &= b - 1
            }
        }
        return out
    }

    public func intersection(_ other: QuarterSet) -> QuarterSet {
        var s = QuarterSet(count: count)
        for w in bits.indices { s.bits[w] = bits[w] & other.bits[w] }
        return s
    }

    /// Runs of consecutive members as (first quarter, length in quarters).
    public var runs: [(start: Int, length: Int)] {
        var out: [(Int, Int)] = []
        var i = 0
        while i < count {
            guard contains(i) else {
                i += 1
                continue
            }
            let s = i
            while i < count, contains(i) { i += 1 }
            out.append((s, i - s))
        }
        return out
    }
}
