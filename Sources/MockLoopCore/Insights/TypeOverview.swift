import Foundation

/// Completed sessions per week for every interview type over the last weeks: the overview
/// across types that /insights shows before one type's detail. Unlike cadence, it counts
/// sessions of every mode (AI and solo included): it shows where practice time went, not
/// whether a human watched.
public struct TypeOverview: Codable, Sendable, Equatable {
    /// One interview type's sessions, week by week.
    public struct Series: Codable, Sendable, Equatable {
        public var type: InterviewType
        /// One count per week, aligned with `weekStarts` (oldest first).
        public var counts: [Int]
        public var total: Int
    }

    /// When a completed session of a type happened: all the overview needs.
    public struct Stamp: Sendable, Equatable {
        public var type: InterviewType
        public var date: Date

        public init(type: InterviewType, date: Date) {
            self.type = type
            self.date = date
        }
    }

    public static let defaultWeeks = 12

    /// The first moment of each week shown (Monday 00:00 in `timeZone`), oldest first; the
    /// last is the current week.
    public var weekStarts: [Date]
    /// The time zone weeks were counted in (an IANA name).
    public var timeZone: String
    /// Every interview type, in `InterviewType.allCases` order, including those with no
    /// session, so each type keeps its place (and its colour) from one week to the next.
    public var series: [Series]

    /// Sessions counted, all types together.
    public var total: Int { series.reduce(0) { $0 + $1.total } }

    /// From the start of the oldest week shown to the end of the current one: the sessions the
    /// store needs to read.
    public static func window(now: Date, timeZone: TimeZone, weeks: Int = defaultWeeks, firstWeekday: Int = 2) -> DateInterval {
        let calendar = Self.calendar(timeZone, firstWeekday: firstWeekday)
        let starts = Self.starts(calendar, now: now, weeks: weeks)
        let first = starts.first ?? now
        let thisWeek = starts.last ?? now
        let end = calendar.date(byAdding: .weekOfYear, value: 1, to: thisWeek) ?? thisWeek.addingTimeInterval(7 * 86_400)
        return DateInterval(start: first, end: max(first, end))
    }

    /// From log entries of any status: only completed sessions count.
    public static func compute(
        _ entries: [LogEntry], now: Date, timeZone: TimeZone, weeks: Int = defaultWeeks, firstWeekday: Int = 2
    ) -> TypeOverview {
        compute(
            stamps: entries.filter { $0.status == .completed }.map { Stamp(type: $0.type, date: $0.date) }, now: now,
            timeZone: timeZone, weeks: weeks, firstWeekday: firstWeekday)
    }

    /// `stamps`: completed sessions (any dates; those outside the weeks shown are left out).
    public static func compute(
        stamps: [Stamp], now: Date, timeZone: TimeZone, weeks: Int = defaultWeeks, firstWeekday: Int = 2
    ) -> TypeOverview {
        let calendar = Self.calendar(timeZone, firstWeekday: firstWeekday)
        let starts = Self.starts(calendar, now: now, weeks: weeks)
        let index = Dictionary(starts.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var counts: [InterviewType: [Int]] = [:]
        for type in InterviewType.allCases { counts[type] = [Int](repeating: 0, count: starts.count) }
        for stamp in stamps {
            // A session belongs to the week its own day falls in, in the user's time zone.
            guard let start = calendar.dateInterval(of: .weekOfYear, for: stamp.date)?.start, let i = index[start] else { continue }
            counts[stamp.type, default: []][i] += 1
        }
        return TypeOverview(
            weekStarts: starts, timeZone: timeZone.identifier,
            series: InterviewType.allCases.map { type in
                let c = counts[type] ?? []
                return Series(type: type, counts: c, total: c.reduce(0, +))
            })
    }

    static func calendar(_ timeZone: TimeZone, firstWeekday: Int) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = firstWeekday
        return calendar
    }

    /// The starts of the last `weeks` weeks (at least one), oldest first.
    static func starts(_ calendar: Calendar, now: Date, weeks: Int) -> [Date] {
        guard let thisWeek = calendar.dateInterval(of: .weekOfYear, for: now)?.start else { return [] }
        return (0..<max(1, weeks)).reversed().compactMap { calendar.date(byAdding: .weekOfYear, value: -$0, to: thisWeek) }
    }
}
