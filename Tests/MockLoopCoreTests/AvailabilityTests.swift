import Foundation
import Testing

@testable import MockLoopCore

/// Weekly availability, its exceptions, and how two people's free times meet across time zones
/// and daylight-saving switches that happen on different dates.
struct AvailabilityTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let losAngeles = TimeZone(identifier: "America/Los_Angeles")!

    static func utc(_ y: Int, _ m: Int, _ d: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(LocalDay.number(year: y, month: m, day: d) * 86400))
    }

    static func hours(_ a: Availability, _ za: TimeZone, _ b: Availability, _ zb: TimeZone, from start: Date, days: Int) -> Double {
        let count = days * 96
        let mine = a.free(in: ZoneQuarters(zone: za, start: start, count: count))
        return Double(b.overlap(with: mine, in: ZoneQuarters(zone: zb, start: start, count: count))) / 4
    }

    @Test func aWeekReadsBackAsItWasWritten() throws {
        for seed in 1...200 {
            var rng = SeededGenerator(seed: UInt64(seed))
            var week = WeeklyAvailability()
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                let start = Int.random(in: 0..<WeeklyAvailability.quartersPerWeek, using: &rng)
                for q in start..<min(start + Int.random(in: 1...16, using: &rng), WeeklyAvailability.quartersPerWeek) { week.insert(q) }
            }
            let again = try WeeklyAvailability.parse(week.text)
            #expect(again == week, "seed \(seed): \(week.text)")
            #expect(WeeklyAvailability(bits: week.bits) == week)
        }
    }

    @Test func daysRangesAndTimesParse() throws {
        let week = try WeeklyAvailability.parse("Mon-Fri 18:00-20:00\nsat 09:00-12:30, Sun-Mon 23:45-24:00")
        #expect(week.quarters == 5 * 8 + 14 + 2)
        #expect(week.contains(0 * 96 + 72) && week.contains(4 * 96 + 79) && !week.contains(4 * 96 + 80))
        #expect(week.contains(6 * 96 + 95) && week.contains(0 * 96 + 95))
    }

    @Test func badEntriesAreNamedByNumber() {
        for (text, needle) in [
            ("Mon 18:00-20:00\nFunday 10:00-11:00", "entry 2"), ("Mon 18:10-20:00", "entry 1"), ("Tue 20:00-18:00", "entry 1"),
            ("Wed 10:00-25:00", "entry 1"),
        ] {
            #expect(throws: MockLoopError.self) { try WeeklyAvailability.parse(text) }
            do { _ = try WeeklyAvailability.parse(text) } catch let e as MockLoopError {
                #expect(e.fields["availability"]?.contains(needle) == true, "\(text): \(e.fields)")
            } catch { Issue.record("\(error)") }
        }
        do { _ = try AvailabilityException.parseAll("2026-12-24 off\n2026-02-30 off") } catch let e as MockLoopError {
            #expect(e.fields["exceptions"]?.contains("line 2") == true)
        } catch { Issue.record("\(error)") }
    }

    @Test func dayNumbersMatchTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let n = Int.random(in: 0...40000, using: &rng)
            let date = Date(timeIntervalSince1970: TimeInterval(n * 86400))
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let civil = LocalDay.civil(n)
            #expect(civil.year == c.year && civil.month == c.month && civil.day == c.day)
            #expect(LocalDay.number(year: civil.year, month: civil.month, day: civil.day) == n)
            #expect(LocalDay.weekday(n) == (c.weekday! + 5) % 7, "Monday is 0")
            #expect(LocalDay.parse(LocalDay.text(n)) == n)
        }
    }

    /// Berlin evenings and Los Angeles mornings meet for two hours a weekday, except in the
    /// weeks when only one side has switched: one hour then. In March the US switches two weeks
    /// before Europe; in autumn Europe switches back a week before the US.
    @Test func overlapFollowsEachSidesOwnSwitch() throws {
        let evenings = Availability(weekly: try WeeklyAvailability.parse("Mon-Fri 18:00-20:00"))
        let mornings = Availability(weekly: try WeeklyAvailability.parse("Mon-Fri 09:00-11:00"))
        // 2027-03-08 (Mon): both on winter time; the US switches on 2027-03-14, Europe on 03-28.
        #expect(Self.hours(evenings, Self.berlin, mornings, Self.losAngeles, from: Self.utc(2027, 3, 8), days: 7) == 10)
        #expect(Self.hours(evenings, Self.berlin, mornings, Self.losAngeles, from: Self.utc(2027, 3, 15), days: 7) == 5)
        #expect(Self.hours(evenings, Self.berlin, mornings, Self.losAngeles, from: Self.utc(2027, 3, 29), days: 7) == 10)
        // Europe back on 2027-10-31, the US on 11-07.
        #expect(Self.hours(evenings, Self.berlin, mornings, Self.losAngeles, from: Self.utc(2027, 10, 25), days: 7) == 10)
        #expect(Self.hours(evenings, Self.berlin, mornings, Self.losAngeles, from: Self.utc(2027, 11, 1), days: 7) == 5)
        #expect(Self.hours(evenings, Self.berlin, mornings, Self.losAngeles, from: Self.utc(2027, 11, 8), days: 7) == 10)
        // Overlap is symmetric.
        #expect(Self.hours(mornings, Self.losAngeles, evenings, Self.berlin, from: Self.utc(2027, 3, 8), days: 14) == 15)
    }

    /// A weekly slot keeps its local time over a switch: Tuesday 18:00 Berlin is 17:00 UTC in
    /// winter and 16:00 UTC in summer.
    @Test func recurringSlotsKeepTheirLocalTimeOverASwitch() throws {
        let tuesdays = Availability(weekly: try WeeklyAvailability.parse("Tue 18:00-19:00"))
        let start = Self.utc(2027, 3, 22)
        let local = ZoneQuarters(zone: Self.berlin, start: start, count: 14 * 96)
        let free = tuesdays.free(in: local).runs.map {
            local.date($0.start).timeIntervalSince1970.truncatingRemainder(dividingBy: 86400) / 3600
        }
        #expect(free == [17, 16])
    }

    /// 02:00–03:00 does not exist in Berlin on 2027-03-28 and happens twice on 2027-10-31.
    @Test func skippedAndRepeatedLocalHours() throws {
        let spring = Availability(exceptions: try AvailabilityException.parseAll("2027-03-28 02:00-04:00"))
        #expect(spring.free(in: ZoneQuarters(zone: Self.berlin, start: Self.utc(2027, 3, 27), count: 3 * 96)).size == 4)
        let autumn = Availability(exceptions: try AvailabilityException.parseAll("2027-10-31 02:00-03:00"))
        #expect(autumn.free(in: ZoneQuarters(zone: Self.berlin, start: Self.utc(2027, 10, 30), count: 3 * 96)).size == 8)
    }

    @Test func anExceptionWinsOverTheWeek() throws {
        // 2026-12-21 is a Monday.
        let a = Availability(
            weekly: try WeeklyAvailability.parse("Mon-Fri 18:00-20:00"),
            exceptions: try AvailabilityException.parseAll("2026-12-21 off\n2026-12-26 10:00-12:00"))
        let monday = LocalDay.number(year: 2026, month: 12, day: 21)
        #expect(!a.isFree(day: monday, quarter: 72))
        #expect(a.isFree(day: monday + 1, quarter: 72))
        #expect(a.isFree(day: monday + 5, quarter: 40) && !a.isFree(day: monday + 5, quarter: 72))
        let utcFree = a.free(in: ZoneQuarters(zone: TimeZone(identifier: "UTC")!, start: Self.utc(2026, 12, 21), count: 7 * 96))
        #expect(utcFree.size == 4 * 8 + 8)
    }
}
