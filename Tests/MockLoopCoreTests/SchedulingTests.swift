import Foundation
import Testing

@testable import MockLoopCore

/// Times two people can book, requests checked against them, and the calendar files a booking
/// becomes.
struct SchedulingTests {
    static let berlin = "Europe/Berlin"
    static let losAngeles = "America/Los_Angeles"

    static func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> Date {
        Date(timeIntervalSince1970: TimeInterval(LocalDay.number(year: y, month: m, day: d) * 86400 + h * 3600 + min * 60))
    }

    static func finder(_ a: String, _ za: String, _ b: String, _ zb: String, now: Date) throws -> SlotFinder {
        let w = ZoneQuarters.window(from: now)
        let mine = ZoneQuarters(zone: TimeZone(identifier: za)!, start: w.start, count: w.count)
        let theirs = ZoneQuarters(zone: TimeZone(identifier: zb)!, start: w.start, count: w.count)
        let x = Availability(weekly: try WeeklyAvailability.parse(a)).free(in: mine)
        let y = Availability(weekly: try WeeklyAvailability.parse(b)).free(in: theirs)
        return SlotFinder(shared: x.intersection(y), window: mine)
    }

    /// Every start offered fits wholly in the shared time, on the half hour, after `notBefore`,
    /// without two overlapping and at most two a day; a reserved time is never offered again.
    @Test func offeredStartsAlwaysFit() throws {
        for seed in 1...150 {
            var rng = SeededGenerator(seed: UInt64(seed))
            func week() -> String {
                let day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].randomElement(using: &rng)!
                let h = Int.random(in: 0...20, using: &rng)
                let len = Int.random(in: 1...4, using: &rng)
                return "Mon-Fri \(String(format: "%02d", h)):00-\(String(format: "%02d", h + len)):00\n\(day) 06:00-09:30"
            }
            let zones = ["UTC", Self.berlin, Self.losAngeles, "Asia/Kolkata", "Australia/Sydney"]
            let now = Self.utc(
                2027, Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng), Int.random(in: 0...23, using: &rng))
            var f = try Self.finder(week(), zones.randomElement(using: &rng)!, week(), zones.randomElement(using: &rng)!, now: now)
            let minutes = [30, 45, 60].randomElement(using: &rng)!
            let notBefore = now.addingTimeInterval(1800)
            let starts = f.starts(minutes: minutes, notBefore: notBefore)
            for (i, s) in starts.enumerated() {
                #expect(f.fits(s, minutes: minutes), "seed \(seed): \(s) fits")
                #expect(s >= notBefore && Int(s.timeIntervalSince1970) % 1800 == 0)
                if i > 0 { #expect(s.timeIntervalSince(starts[i - 1]) >= Double(minutes * 60), "seed \(seed): no two overlap") }
            }
            #expect(starts == starts.sorted())
            if let first = starts.first {
                f.reserve(first, minutes: minutes)
                #expect(!f.fits(first, minutes: minutes))
                #expect(!f.starts(minutes: minutes, notBefore: notBefore).contains(first), "seed \(seed): a booked time is gone")
            }
        }
    }

    /// Berlin evenings and Los Angeles mornings: an hour less in common in the weeks when only
    /// one side has moved its clocks, and a Berlin 18:00 is 17:00 UTC in winter, 16:00 in summer.
    @Test func slotsFollowBothZonesAcrossTheSwitch() throws {
        let berlin = "Mon-Fri 17:00-19:00"
        let la = "Mon-Fri 08:00-10:00"
        // Winter: Berlin UTC+1, LA UTC-8 → 17:00–18:00 Berlin is 08:00–09:00 LA... 16:00–18:00 UTC common is 16:00–18:00 ∩ 16:00–18:00.
        let winter = try Self.finder(berlin, Self.berlin, la, Self.losAngeles, now: Self.utc(2027, 1, 10))
        let ws = winter.starts(minutes: 60, notBefore: Self.utc(2027, 1, 10), limit: 40, perDay: 4)
        #expect(ws.contains(Self.utc(2027, 1, 11, 16)) && ws.contains(Self.utc(2027, 1, 11, 17)))
        #expect(
            ZonedTime.both(Self.utc(2027, 1, 11, 17), mine: Self.berlin, theirs: Self.losAngeles)
                == "Mon 11 Jan, 18:00 Europe/Berlin · 09:00 America/Los_Angeles")
        // 2027-03-15: LA has switched (UTC-7), Berlin not yet (UTC+1): only 16:00–17:00 UTC is shared.
        let march = try Self.finder(berlin, Self.berlin, la, Self.losAngeles, now: Self.utc(2027, 3, 14, 12))
        let ms = march.starts(minutes: 60, notBefore: Self.utc(2027, 3, 14), limit: 40, perDay: 4)
        #expect(ms.contains(Self.utc(2027, 3, 15, 16)))
        #expect(!march.fits(Self.utc(2027, 3, 15, 17), minutes: 60), "18:00 Berlin is 11:00 in LA that week")
        #expect(!march.fits(Self.utc(2027, 3, 15, 16), minutes: 90), "only one hour is shared that week")
        // Summer: both switched (UTC+2, UTC-7) → 15:00–17:00 UTC.
        let summer = try Self.finder(berlin, Self.berlin, la, Self.losAngeles, now: Self.utc(2027, 6, 6))
        #expect(summer.fits(Self.utc(2027, 6, 7, 15), minutes: 120))
        #expect(
            ZonedTime.both(Self.utc(2027, 6, 7, 16), mine: Self.berlin, theirs: Self.losAngeles)
                == "Mon 7 Jun, 18:00 Europe/Berlin · 09:00 America/Los_Angeles")
        // A date that changes between the zones is written out for both.
        #expect(
            ZonedTime.both(Self.utc(2027, 6, 7, 5), mine: Self.berlin, theirs: Self.losAngeles)
                == "Mon 7 Jun, 07:00 Europe/Berlin · Sun 6 Jun, 22:00 America/Los_Angeles")
    }

    /// A slot on a local time that does not exist (Berlin 02:00–03:00 on 2027-03-28) is never free.
    @Test func aSkippedHourIsNeverOffered() throws {
        let f = try Self.finder("Sun 01:00-04:00", Self.berlin, "Sun 00:00-24:00", "UTC", now: Self.utc(2027, 3, 27))
        let starts = f.starts(minutes: 60, notBefore: Self.utc(2027, 3, 27), limit: 40, perDay: 6)
        // 01:00–02:00 CET is 00:00–01:00 UTC; then the clocks jump to 03:00 CEST (01:00 UTC) until 04:00 (02:00 UTC).
        #expect(f.fits(Self.utc(2027, 3, 28, 0), minutes: 120), "two real hours: 01:00 CET to 04:00 CEST")
        #expect(!f.fits(Self.utc(2027, 3, 28, 0), minutes: 150))
        #expect(starts.allSatisfy { $0 < Self.utc(2027, 3, 28, 2) || $0 > Self.utc(2027, 3, 29) })
    }

    /// The autumn switch the other way round: Europe changes on 2027-10-31, America on 2027-11-07.
    /// In the week between, Berlin 17:00–19:00 (UTC+1) meets Los Angeles 08:00–10:00 (still UTC-7)
    /// for one hour only, 16:00–17:00 UTC; after both have switched, two hours again.
    @Test func slotsFollowBothZonesAcrossTheAutumnSwitch() throws {
        let berlin = "Mon-Fri 17:00-19:00"
        let la = "Mon-Fri 08:00-10:00"
        let between = try Self.finder(berlin, Self.berlin, la, Self.losAngeles, now: Self.utc(2027, 10, 31, 12))
        #expect(between.fits(Self.utc(2027, 11, 1, 16), minutes: 60))
        #expect(!between.fits(Self.utc(2027, 11, 1, 16), minutes: 90), "one hour shared that week")
        #expect(
            ZonedTime.both(Self.utc(2027, 11, 1, 16), mine: Self.berlin, theirs: Self.losAngeles)
                == "Mon 1 Nov, 17:00 Europe/Berlin · 09:00 America/Los_Angeles")
        #expect(between.fits(Self.utc(2027, 11, 8, 16), minutes: 120), "both switched: 16:00–18:00 UTC")
    }

    /// A local day that never happened: Samoa skipped Friday 30 December 2011 when it crossed the
    /// date line. A Friday slot there is offered on the Fridays before and after, never that day.
    @Test func aDayThatDoesNotExistLocallyOffersNothing() throws {
        let f = try Self.finder("Fri 10:00-12:00", "Pacific/Apia", "Mon-Sun 00:00-24:00", "UTC", now: Self.utc(2011, 12, 23))
        let starts = f.starts(minutes: 60, notBefore: Self.utc(2011, 12, 23), limit: 40)
        let days = Set(starts.map { String(ZonedTime.text($0, zone: "Pacific/Apia").prefix { $0 != "," }) })
        #expect(days == ["Fri 23 Dec", "Fri 6 Jan"], "\(days)")
        #expect(starts.count == 4, "two starts on each Friday that existed")
    }

    @Test func requestProblemsAreNamedByField() throws {
        let now = Self.utc(2027, 1, 10, 12)
        let f = try Self.finder("Mon-Fri 17:00-19:00", "UTC", "Mon-Fri 17:00-19:00", "UTC", now: now)
        let good = MockRequestInput.text(Self.utc(2027, 1, 11, 17))
        let ok = try MockRequestInput(type: "coding", slots: [good, MockRequestInput.text(Self.utc(2027, 1, 12, 17))])
            .checked(wants: [.coding], offers: [.coding], defaultTier: .tier1, finder: f, now: now)
        #expect(ok.minutes == 45 && ok.tier == .tier1 && ok.slots == [Self.utc(2027, 1, 11, 17), Self.utc(2027, 1, 12, 17)])
        func problems(_ input: MockRequestInput) -> [String: String] {
            do {
                _ = try input.checked(wants: [.coding], offers: [.coding, .behavioral], defaultTier: .tier1, finder: f, now: now)
                return [:]
            } catch let e as MockLoopError { return e.fields } catch { return ["?": "\(error)"] }
        }
        #expect(problems(MockRequestInput(type: "behavioral", slots: [good]))["type"]?.contains("not one you want") == true)
        #expect(problems(MockRequestInput(type: "coding", slots: []))["slots"] == "choose at least one time")
        #expect(problems(MockRequestInput(type: "coding", slots: [good, good, good, good]))["slots"]?.contains("at most 3") == true)
        #expect(problems(MockRequestInput(type: "coding", slots: [good, good]))["slots.1"] == "is the same time as another slot")
        #expect(problems(MockRequestInput(type: "coding", slots: ["tomorrow"]))["slots.0"]?.contains("not a time") == true)
        #expect(problems(MockRequestInput(type: "coding", slots: ["2027-01-11T18:30:00Z"]))["slots.0"]?.contains("not both free") == true)
        #expect(problems(MockRequestInput(type: "coding", slots: ["2027-01-10T12:15:00Z"]))["slots.0"]?.contains("30 minutes") == true)
        #expect(problems(MockRequestInput(type: "coding", minutes: 5, slots: [good]))["minutes"] != nil)
        #expect(problems(MockRequestInput(type: "coding", slots: [good], note: String(repeating: "x", count: 501)))["note"] != nil)
        #expect(problems(MockRequestInput(type: "coding", tier: "tier9", slots: [good]))["tier"] != nil)
        #expect(MockRequestInput.date("2027-01-11T18:00+01:00") == Self.utc(2027, 1, 11, 17))
    }

    static func event(summary: String = "Coding mock", status: CalendarEvent.Status = .confirmed, sequence: Int = 0) -> CalendarEvent {
        CalendarEvent(
            uid: "b1@mockloop", sequence: sequence, status: status, start: Self.utc(2027, 3, 28, 0, 30), minutes: 45, summary: summary,
            description: "Line one; with, commas\nRoom: http://127.0.0.1:8080/rooms/x", url: "http://127.0.0.1:8080/rooms/x",
            organizer: .init(name: "Ann \"A\" Lovelace", email: "ann@example.org"), attendees: [.init(name: "bob-coder", email: nil)],
            stamp: Self.utc(2027, 3, 1, 9))
    }

    /// RFC 5545 on the wire: CRLF after every line, none longer than 75 octets (folded with a
    /// space, never inside a character), text escaped, times in UTC, alarms only while it stands.
    @Test func invitesAreWellFormed() {
        let long = String(repeating: "Systemdesign überprüfen 🚀 ", count: 12)
        let text = ICSWriter.calendar([Self.event(summary: long)], method: .request)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:\(long)"), "folding loses nothing")
        #expect(unfolded.contains("DESCRIPTION:Line one\\; with\\, commas\\nRoom: http://127.0.0.1:8080/rooms/x"))
        #expect(unfolded.contains("METHOD:REQUEST") && unfolded.contains("UID:b1@mockloop") && unfolded.contains("SEQUENCE:0"))
        #expect(unfolded.contains("DTSTART:20270328T003000Z") && unfolded.contains("DTEND:20270328T011500Z"))
        #expect(unfolded.contains("ORGANIZER;CN=\"Ann A Lovelace\":mailto:ann@example.org"))
        #expect(unfolded.contains("ATTENDEE;CN=\"bob-coder\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:bob-coder@partners.invalid"))
        #expect(
            unfolded.components(separatedBy: "BEGIN:VALARM").count == 3 && unfolded.contains("TRIGGER:-PT24H")
                && unfolded.contains("TRIGGER:-PT15M"))
        let cancel = ICSWriter.calendar([Self.event(status: .cancelled, sequence: 2)], method: .cancel)
        #expect(cancel.contains("METHOD:CANCEL") && cancel.contains("STATUS:CANCELLED") && cancel.contains("SEQUENCE:2"))
        #expect(!cancel.contains("VALARM"), "no reminders for a cancelled mock")
        let feed = ICSWriter.calendar([Self.event()], method: nil, name: "MockLoop, mocks")
        #expect(!feed.contains("METHOD:") && feed.contains("X-WR-CALNAME:MockLoop\\, mocks"))
    }

    /// Folding never splits a character, whatever the text.
    @Test func foldingKeepsEveryCharacter() {
        var rng = SeededGenerator(seed: 3)
        let alphabet = Array("aé漢🚀;,\\ \"x") + ["\n"]
        for _ in 0..<300 {
            let s = String((0..<Int.random(in: 0...300, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let folded = ICSWriter.fold("SUMMARY:" + ICSWriter.text(s))
            for line in folded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
            #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + ICSWriter.text(s))
            #expect(!ICSWriter.text(s).contains("\n"))
        }
    }
}
