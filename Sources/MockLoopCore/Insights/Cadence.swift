import Foundation

/// Human-observed sessions per week against the target (≥2 a week), for the last weeks, and the
/// current streak of weeks that met it. Weeks start Monday in the user's time zone.
public struct Cadence: Codable, Sendable, Equatable {
    public struct Week: Codable, Sendable, Equatable {
        public var start: Date
        public var observed: Int
        public var metTarget: Bool
    }

    public var target: Int
    public var weeks: [Week]
    /// Consecutive weeks meeting the target, counting back from the current week (a current week
    /// that has not met it yet does not break the streak; it just does not count).
    public var streak: Int

    /// When a session happened and whether a human observed it: all cadence needs.
    public struct Stamp: Sendable, Equatable {
        public var date: Date
        public var mode: SessionMode
        public var status: SessionStatus

        public init(date: Date, mode: SessionMode, status: SessionStatus) {
            self.date = date
            self.mode = mode
            self.status = status
        }
    }

    public static func compute(
        _ entries: [LogEntry], now: Date, timeZone: TimeZone, weeks count: Int = 8, target: Int = 2,
        firstWeekday: Int = 2
    ) -> Cadence {
        compute(
            stamps: entries.map { Stamp(date: $0.date, mode: $0.mode, status: $0.status) }, now: now, timeZone: timeZone,
            weeks: count, target: target, firstWeekday: firstWeekday)
    }

    /// The first day of the oldest week shown: sessions before it do not matter to cadence.
    public static func since(now: Date, timeZone: TimeZone, weeks count: Int = 8, firstWeekday: Int = 2) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = firstWeekday
        let thisWeek = calendar.dateInterval(of: .weekOfYear, for: now)?.start ?? now
        return calendar.date(byAdding: .weekOfYear, value: -(count - 1), to: thisWeek) ?? thisWeek
    }

    public static func compute(
        stamps: [Stamp], now: Date, timeZone: TimeZone, weeks count: Int = 8, target: Int = 2,
        firstWeekday: Int = 2
    ) -> Cadence {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = firstWeekday
        guard let thisWeek = calendar.dateInterval(of: .weekOfYear, for: now)?.start else {
            return Cadence(target: target, weeks: [], streak: 0)
        }
        let starts = (0..<count).reversed().compactMap { calendar.date(byAdding: .weekOfYear, value: -$0, to: thisWeek) }
        var counts = [Int](repeating: 0, count: starts.count)
        for e in stamps where e.mode.isHumanObserved && e.status == .completed {
            guard let weekStart = calendar.dateInterval(of: .weekOfYear, for: e.date)?.start,
                let i = starts.firstIndex(of: weekStart)
            else { continue }
            counts[i] += 1
        }
        let weeks = zip(starts, counts).map { Week(start: $0, observed: $1, metTarget: $1 >= target) }
        var streak = 0
        for (i, w) in weeks.enumerated().reversed() {
            if w.metTarget { streak += 1 } else if i == weeks.count - 1 { continue } else { break }
        }
        return Cadence(target: target, weeks: weeks, streak: streak)
    }
}
