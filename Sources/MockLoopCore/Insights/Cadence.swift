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

    public static func compute(_ entries: [LogEntry], now: Date, timeZone: TimeZone, weeks count: Int = 8, target: Int = 2,
                               firstWeekday: Int = 2) -> Cadence {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = firstWeekday
        guard let thisWeek = calendar.dateInterval(of: .weekOfYear, for: now)?.start else {
            return Cadence(target: target, weeks: [], streak: 0)
        }
        let starts = (0..<count).reversed().compactMap { calendar.date(byAdding: .weekOfYear, value: -$0, to: thisWeek) }
        var counts = [Int](repeating: 0, count: starts.count)
        for e in entries where e.mode.isHumanObserved && e.status == .completed {
            guard let weekStart = calendar.dateInterval(of: .weekOfYear, for: e.date)?.start,
                  let i = starts.firstIndex(of: weekStart) else { continue }
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
