import Foundation
import Testing

@testable import MockLoopCore

/// What the cross-type overview chart draws: completed sessions per week per interview type,
/// weeks from Monday in the user's time zone.
@Suite struct TypeOverviewTests {
    /// Zones either side of UTC, with half- and three-quarter-hour offsets and summer time
    /// (none of them moves its clocks at midnight, so every day has a midnight).
    static let zones = [
        "UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "Australia/Lord_Howe",
    ].map { TimeZone(identifier: $0)! }

    /// The weeks shown, worked out another way than the code under test: whole days between
    /// local midnights, counted from the Monday `count - 1` weeks before this week's Monday.
    struct Weeks {
        var calendar: Calendar
        var first: Date
        var count: Int

        init(now: Date, zone: TimeZone, count: Int) {
            var c = Calendar(identifier: .gregorian)
            c.timeZone = zone
            let today = c.startOfDay(for: now)
            let sinceMonday = (c.component(.weekday, from: today) + 5) % 7  // weekday: Sunday 1 … Saturday 7
            let monday = c.date(byAdding: .day, value: -sinceMonday, to: today)!
            calendar = c
            first = c.date(byAdding: .day, value: -7 * (count - 1), to: monday)!
            self.count = count
        }

        /// Monday 00:00 of the week `i` (0: the oldest shown; `count`: the week after the last).
        func start(_ i: Int) -> Date { calendar.date(byAdding: .day, value: 7 * i, to: first)! }

        func index(of date: Date) -> Int? {
            let days = calendar.dateComponents([.day], from: first, to: calendar.startOfDay(for: date)).day!
            guard days >= 0, days / 7 < count else { return nil }
            return days / 7
        }
    }

    @Test func everyCompletedSessionInTheWeeksIsCountedOnceInItsTypeAndWeek() {
        var rng = SeededGenerator(seed: 11)
        for run in 0..<300 {
            let zone = Self.zones[run % Self.zones.count]
            let weeks = Int.random(in: 1...14, using: &rng)
            // Over a year and more, so runs cross the changes to and from summer time.
            let now = Date(timeIntervalSince1970: (1_760_000_000 + Double.random(in: 0...(420 * 86_400), using: &rng)).rounded())
            let oracle = Weeks(now: now, zone: zone, count: weeks)
            let reach = Double(weeks + 2) * 7 * 86_400
            var dates = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                now.addingTimeInterval(Double.random(in: -reach...(10 * 86_400), using: &rng).rounded())
            }
            // Either side of the window's edges and of the current week's start: where a wrong
            // zone or an off-by-one shows.
            for edge in [oracle.start(0), oracle.start(weeks - 1), oracle.start(weeks)] { dates += [edge.addingTimeInterval(-1), edge] }
            let entries = dates.map { date in
                LogEntry(
                    id: UUID(), date: date, type: InterviewType.allCases.randomElement(using: &rng)!,
                    mode: SessionMode.allCases.randomElement(using: &rng)!, status: SessionStatus.allCases.randomElement(using: &rng)!,
                    rubricId: "r")
            }

            let overview = TypeOverview.compute(entries, now: now, timeZone: zone, weeks: weeks)
            var expected = Dictionary(uniqueKeysWithValues: InterviewType.allCases.map { ($0, [Int](repeating: 0, count: weeks)) })
            var inWindow = 0
            for e in entries where e.status == .completed {
                guard let week = oracle.index(of: e.date) else { continue }
                expected[e.type]![week] += 1
                inWindow += 1
            }
            let context = "run \(run): \(zone.identifier), \(weeks) weeks, now \(now)"
            #expect(overview.weekStarts == (0..<weeks).map(oracle.start), "\(context)")
            #expect(overview.series.map(\.type) == InterviewType.allCases, "\(context)")
            for s in overview.series {
                #expect(s.counts == expected[s.type], "\(context): \(s.type)")
                #expect(s.total == s.counts.reduce(0, +), "\(context): \(s.type)")
            }
            #expect(overview.total == inWindow, "\(context): every completed session in the weeks, and no other")
            let window = TypeOverview.window(now: now, timeZone: zone, weeks: weeks)
            #expect(window.start == oracle.start(0) && window.end == oracle.start(weeks), "\(context)")
        }
    }

    @Test func weeksStartMondayInTheUsersZoneAndEveryModeCounts() {
        // 2026-11-15T23:30Z is Sunday in UTC but Monday 00:30 in Berlin, where the week began at 23:00Z.
        let mondayEarly = Date(timeIntervalSince1970: 1_794_785_400)
        func session(_ offset: Double, _ type: InterviewType, _ mode: SessionMode, _ status: SessionStatus = .completed) -> LogEntry {
            LogEntry(id: UUID(), date: mondayEarly.addingTimeInterval(offset), type: type, mode: mode, status: status, rubricId: "r")
        }
        let entries = [
            session(0, .coding, .ai),
            session(3600, .coding, .solo),
            session(-2 * 86_400, .behavioral, .peer),  // the Friday (UTC) / Saturday (Berlin) before
            session(7200, .systemDesign, .peer, .planned),  // not done: not counted
            session(-10 * 86_400, .dataModeling, .peer),  // before the two weeks shown
        ]
        let now = mondayEarly.addingTimeInterval(2 * 86_400)
        func counts(_ o: TypeOverview) -> [InterviewType: [Int]] {
            Dictionary(uniqueKeysWithValues: o.series.filter { $0.total > 0 }.map { ($0.type, $0.counts) })
        }
        let berlin = TypeOverview.compute(entries, now: now, timeZone: TimeZone(identifier: "Europe/Berlin")!, weeks: 2)
        #expect(counts(berlin) == [.coding: [0, 2], .behavioral: [1, 0]])
        #expect(berlin.weekStarts == [mondayEarly.addingTimeInterval(-1800 - 7 * 86_400), mondayEarly.addingTimeInterval(-1800)])
        #expect(berlin.total == 3 && berlin.timeZone == "Europe/Berlin")
        let utc = TypeOverview.compute(entries, now: now, timeZone: TimeZone(identifier: "UTC")!, weeks: 2)
        #expect(counts(utc) == [.coding: [1, 1], .behavioral: [1, 0]])
    }
}
