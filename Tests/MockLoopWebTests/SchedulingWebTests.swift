import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import Testing
import Vapor
import VaporTesting

/// Requests, bookings, invites and the calendar feed between partners on one instance, through
/// the pages and the API, on SQLite and PostgreSQL.
@Suite struct SchedulingWebTests {
    /// Free every day at hours that meet the other side's, whatever today is.
    static func person(
        _ handle: String, zone: String, free: String, wants: [String] = ["coding"], offers: [String] = ["coding"]
    )
        -> [String: Any]
    {
        PartnerWebTests.profile(handle, wants: wants, offers: offers, zone: zone, free: free)
    }

    static func slots(_ page: Visitor.Answer) -> [String] {
        page.body.matches(of: #/name="slot_([0-9T:Z-]{20})"/#).map { String($0.1) }
    }

    static func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> Date {
        Date(timeIntervalSince1970: TimeInterval(LocalDay.number(year: y, month: m, day: d) * 86400 + h * 3600 + min * 60))
    }

    /// Ann, Bob and Cy, each free every morning 09:00–12:00 UTC, giving and wanting coding mocks.
    static func threeMornings(_ app: Application) async throws -> (Visitor, Visitor, Visitor) {
        var people: [Visitor] = []
        for (name, handle) in [("ann", "ann-c"), ("bob", "bob-i"), ("cy", "cy-i")] {
            var v = try await Visitor.signUp(app, "\(name)@example.org", name: name.capitalized)
            #expect(
                try await v.json(.PUT, "/api/v1/partners/profile", Self.person(handle, zone: "UTC", free: "Mon-Sun 09:00-12:00")).status
                    == .ok)
            people.append(v)
        }
        return (people[0], people[1], people[2])
    }

    /// Accounts on, the server's clock a test clock, and the mail server if one is given.
    static func accounts(clock: ServerClock, mail: MailConfig? = nil) -> (inout AppConfig) -> Void {
        {
            withAccounts()(&$0)
            $0.clock = clock
            $0.mail = mail
        }
    }

    static func field(_ a: Visitor.Answer, _ key: String) -> String { a.json()[key] as? String ?? "" }

    static func unfolded(_ a: Visitor.Answer) -> String { a.body.replacingOccurrences(of: "\r\n ", with: "") }

    /// Ann asks Bob for a mock with two times; nobody else reaches it; Bob accepts one, which
    /// books it: Ann's planned session with its question, a room where Bob's seat is already his,
    /// and an invite both download. It moves (sequence 1), then is cancelled (sequence 2, the
    /// session gone); the feed follows, and a new feed address turns the old one off.
    @Test(arguments: TestDatabase.available)
    func requestAcceptMoveAndCancel(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var ann = try await Visitor.signUp(app, "ann@example.org", name: "Ann Lovelace")
            var bob = try await Visitor.signUp(app, "bob@example.org", name: "Bob Hopper")
            var cy = try await Visitor.signUp(app, "cy@example.org", name: "Cy Other")
            #expect(
                try await ann.json(
                    .PUT, "/api/v1/partners/profile", Self.person("ann-c", zone: "Europe/Berlin", free: "Mon-Sun 17:00-21:00")
                ).status == .ok)
            #expect(
                try await bob.json(
                    .PUT, "/api/v1/partners/profile", Self.person("bob-i", zone: "America/New_York", free: "Mon-Sun 10:00-15:00")
                ).status == .ok)
            _ = try await cy.json(.PUT, "/api/v1/partners/profile", Self.person("cy-o", zone: "UTC", free: "Mon-Sun 00:00-24:00"))

            let form = try await ann.get("/partners/bob-i/request")
            #expect(form.status == .ok)
            let offered = Self.slots(form)
            #expect(offered.count >= 4, "times both are free are offered: \(form.body.prefix(300))")
            #expect(form.body.contains("Europe/Berlin · ") && form.body.contains(" America/New_York"), "each time in both zones")

            let bad = try await ann.json(
                .POST, "/api/v1/partners/bob-i/requests", ["type": "coding", "slots": ["2020-01-01T10:00:00Z", "soon"]])
            #expect(bad.status == .unprocessableEntity)
            let fields = bad.json()["fields"] as? [String: String] ?? [:]
            #expect(fields["slots.0"]?.contains("30 minutes") == true && fields["slots.1"]?.contains("not a time") == true, "\(bad.body)")
            let sent = try await ann.json(
                .POST, "/api/v1/partners/bob-i/requests",
                ["type": "coding", "slots": [offered[0], offered[2]], "note": "<b>system</b> please"])
            #expect(sent.status == .created, "\(sent.body)")
            let requestID = Self.field(sent, "id")
            #expect(
                sent.json()["yourTurn"] as? Bool == false && Self.field(sent, "role") == "candidate" && Self.field(sent, "with") == "bob-i")
            #expect(
                try await ann.json(.POST, "/api/v1/partners/bob-i/requests", ["type": "coding", "slots": [offered[1]]]).status == .conflict,
                "one waiting request between two people")

            // Nobody else reaches it.
            #expect(try await cy.json(.POST, "/api/v1/requests/\(requestID)/accept", ["slot": offered[0]]).status == .notFound)
            #expect(try await cy.json(.POST, "/api/v1/requests/\(requestID)/decline").status == .notFound)
            #expect(!(try await cy.get("/bookings").body.contains("bob-i")))
            #expect(
                try await ann.json(.POST, "/api/v1/requests/\(requestID)/accept", ["slot": offered[0]]).status == .conflict,
                "the one who proposed does not choose")

            let bobs = try await bob.get("/bookings")
            #expect(bobs.body.contains("id=\"request-\(requestID)\"") && bobs.body.contains("&lt;b&gt;system&lt;/b&gt; please"))
            #expect(
                try await bob.json(.POST, "/api/v1/requests/\(requestID)/accept", ["slot": offered[1]]).status == .unprocessableEntity,
                "only a time offered")
            let booked = try await bob.json(.POST, "/api/v1/requests/\(requestID)/accept", ["slot": offered[2]])
            #expect(booked.status == .ok, "\(booked.body)")
            #expect(
                Self.field(booked, "role") == "interviewer" && Self.field(booked, "start") == offered[2] && booked.json()["session"] == nil)
            #expect(
                try await bob.json(.POST, "/api/v1/requests/\(requestID)/accept", ["slot": offered[0]]).status == .conflict, "answered once"
            )
            let bookingID = Self.field(booked, "id")
            let room = Self.field(booked, "room")

            let mine = try await ann.get("/api/v1/bookings")
            let annBooking = try #require((mine.json()["bookings"] as? [[String: Any]])?.first)
            let sessionPath = try #require(annBooking["session"] as? String)
            let session = try await ann.get("/api/v1" + sessionPath)
            #expect(
                Self.field(session, "status") == "planned" && Self.field(session, "mode") == "peer"
                    && Self.field(session, "interviewer") == "bob-i")
            #expect(!(Self.field(session, "questionId")).isEmpty && Self.field(session, "type") == "coding")
            #expect(try await bob.get(room).status == .ok, "the interviewer's seat is his")
            #expect(try await cy.get(room).status == .notFound)
            #expect(try await cy.get("/bookings/\(bookingID)/invite.ics").status == .notFound)

            var invite = try await ann.get("/bookings/\(bookingID)/invite.ics")
            #expect(invite.headers.contentType?.subType == "calendar")
            var text = Self.unfolded(invite)
            let dt = offered[2].replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            #expect(text.contains("METHOD:REQUEST") && text.contains("SEQUENCE:0") && text.contains("DTSTART:\(dt)"))
            #expect(
                text.contains("CN=\"bob-i\"") && !text.contains("Bob Hopper") && !text.contains("bob@example.org"),
                "a handle until both agree")
            let uid = try #require(text.firstMatch(of: #/UID:([^\r]+)/#).map { String($0.1) })
            #expect(
                Self.unfolded(try await bob.get("/bookings/\(bookingID)/invite.ics")).contains("UID:\(uid)"), "one event, two calendars")

            // Moved: Bob proposes the first time, Ann accepts.
            let move = try await bob.json(.POST, "/api/v1/bookings/\(bookingID)/move", ["slots": [offered[0]]])
            #expect(move.status == .created && move.json()["movesBooking"] as? Bool == true, "\(move.body)")
            let moved = try await ann.json(.POST, "/api/v1/requests/\(Self.field(move, "id"))/accept", ["slot": offered[0]])
            #expect(
                moved.status == .ok && Self.field(moved, "id") == bookingID && Self.field(moved, "start") == offered[0], "\(moved.body)")
            invite = try await bob.get("/bookings/\(bookingID)/invite.ics")
            text = Self.unfolded(invite)
            #expect(text.contains("UID:\(uid)") && text.contains("SEQUENCE:1"))
            #expect(Self.field(try await ann.get("/api/v1" + sessionPath), "date").hasPrefix(String(offered[0].prefix(10))))

            // The feed, subscribed without signing in.
            let feedPage = try await ann.form("/bookings/feed", [])
            let feedURL = try #require(
                feedPage.body.firstMatch(of: #/value="http://[^/]+(/calendar/mlc_[A-Za-z0-9_-]+\.ics)"/#).map { String($0.1) })
            var calendar = Visitor.anonymous(app)
            let feed = try await calendar.get(feedURL)
            #expect(feed.status == .ok && Self.unfolded(feed).contains("UID:\(uid)") && !feed.body.contains("METHOD:"))

            // The week on the home page counts the booking when it falls in this week, and offers
            // the best times to book with the partners suggested first.
            let weekStart = Cadence.since(now: Date(), timeZone: .current, weeks: 1)
            let start = try #require(MockRequestInput.date(offered[0]))
            let inWeek = start >= weekStart && start < weekStart.addingTimeInterval(7 * 86400) ? 1 : 0
            var home = try await ann.get("/")
            #expect(home.body.contains("\(inWeek) of 2 human-observed mocks booked this week"), "\(home.body)")
            #expect(
                home.body.contains("href=\"/partners/bob-i/request?type=coding\"")
                    && home.body.contains("href=\"/partners/cy-o/request?type=coding\""))

            // Both are reminded on their home page, the interviewer too (who has no sessions of his own).
            let bobHome = try await bob.get("/")
            #expect(bobHome.body.contains("id=\"coming-up\"") && bobHome.body.contains("with ann-c, you interview"))
            #expect(bobHome.body.contains("href=\"\(room)\""))
            #expect(home.body.contains("with bob-i, you are the candidate"))

            // Cancelled: sequence 2, the planned session goes, the feed says CANCELLED.
            let cancelled = try await ann.json(.POST, "/api/v1/bookings/\(bookingID)/cancel")
            #expect(cancelled.status == .ok && Self.field(cancelled, "status") == "cancelled")
            text = Self.unfolded(try await bob.get("/bookings/\(bookingID)/invite.ics"))
            #expect(text.contains("METHOD:CANCEL") && text.contains("STATUS:CANCELLED") && text.contains("SEQUENCE:2"))
            #expect(try await ann.get("/api/v1" + sessionPath).status == .notFound)
            #expect(try await ann.json(.POST, "/api/v1/bookings/\(bookingID)/cancel").status == .conflict)
            #expect(Self.unfolded(try await calendar.get(feedURL)).contains("STATUS:CANCELLED"))
            home = try await ann.get("/")
            let bobAfter = try await bob.get("/")
            #expect(!home.body.contains("id=\"coming-up\"") && !bobAfter.body.contains("id=\"coming-up\""))
            #expect(!home.body.contains("id=\"week-booked\"") || home.body.contains("0 of 2 human-observed mocks booked this week"))

            _ = try await ann.form("/bookings/feed", [])
            #expect(try await calendar.get(feedURL).status == .notFound, "a new address turns the old one off")
            _ = try await ann.form("/bookings/feed/revoke", [])
            #expect(!(try await ann.get("/bookings").body.contains("Turn the feed off")))
        }
    }

    /// Declined, answered with other times, withdrawn; a time either has booked is not offered
    /// again and cannot be accepted twice; a block ends what was booked or asked between two.
    @Test(arguments: TestDatabase.available)
    func answersClashesAndBlocks(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var (ann, bob, cy) = try await Self.threeMornings(app)
            let offered = Self.slots(try await ann.get("/partners/bob-i/request"))
            #expect(offered.count >= 6)

            // Declined, then asked again.
            let first = try await ann.json(.POST, "/api/v1/partners/bob-i/requests", ["type": "coding", "slots": [offered[0]]])
            #expect(try await bob.json(.POST, "/api/v1/requests/\(Self.field(first, "id"))/decline").status == .noContent)
            #expect(try await bob.json(.POST, "/api/v1/requests/\(Self.field(first, "id"))/decline").status == .conflict)
            // Answered with other times: Ann chooses among Bob's.
            let second = try await ann.form("/partners/bob-i/request", [("type", "coding"), ("slot_\(offered[0])", "on")])
            #expect(second.status == .seeOther && second.location == "/bookings?requested=1")
            let waiting = try await bob.get("/api/v1/bookings")
            let secondID = try #require(
                (waiting.json()["requests"] as? [[String: Any]])?.first { $0["status"] as? String == "pending" }?["id"] as? String)
            let counter = try await bob.form("/requests/\(secondID)/propose", [("slot_\(offered[3])", "on"), ("note", "later?")])
            #expect(counter.status == .seeOther, "\(counter.body.prefix(400))")
            let annView = try await ann.get("/api/v1/bookings")
            let reqs = annView.json()["requests"] as? [[String: Any]] ?? []
            #expect(reqs.contains { $0["id"] as? String == secondID && $0["status"] as? String == "countered" })
            let counterID = try #require(
                reqs.first { $0["status"] as? String == "pending" && $0["yourTurn"] as? Bool == true }?["id"] as? String)
            let accepted = try await ann.form("/requests/\(counterID)/accept", [("slot", offered[3])])
            #expect(accepted.location == "/bookings?booked=1")
            #expect(try await ann.get("/bookings").body.contains("you are the candidate"))

            // Cy asks Bob for the same time: Bob cannot take two mocks at once, and it is no longer offered.
            #expect(!Self.slots(try await cy.get("/partners/bob-i/request")).contains(offered[3]), "a booked time is not offered")
            let clash = try await cy.json(.POST, "/api/v1/partners/bob-i/requests", ["type": "coding", "slots": [offered[3]]])
            #expect(
                clash.status == .unprocessableEntity
                    && (clash.json()["fields"] as? [String: String])?["slots.0"]?.contains("not both free") == true)
            // Withdrawn by the one who asked; not by the other.
            let third = try await cy.json(.POST, "/api/v1/partners/bob-i/requests", ["type": "coding", "slots": [offered[5]]])
            #expect(try await bob.json(.POST, "/api/v1/requests/\(Self.field(third, "id"))/withdraw").status == .conflict)
            #expect(try await cy.json(.POST, "/api/v1/requests/\(Self.field(third, "id"))/withdraw").status == .noContent)

            // The form names its problems beside the field and keeps what was ticked.
            let none = try await cy.form("/partners/bob-i/request", [("type", "coding"), ("note", "hello there")])
            #expect(
                none.status == .unprocessableEntity && none.body.contains("choose at least one time")
                    && none.body.contains(">hello there</textarea>"))

            // A block ends the booking and hides it from both.
            let booking = try #require(
                (try await bob.get("/api/v1/bookings").json()["bookings"] as? [[String: Any]])?.first?["id"] as? String)
            _ = try await cy.json(.POST, "/api/v1/partners/bob-i/requests", ["type": "coding", "slots": [offered[5]]])
            #expect(try await bob.json(.POST, "/api/v1/partners/ann-c/block").status == .noContent)
            #expect(try await ann.get("/bookings/\(booking)/invite.ics").status == .notFound)
            #expect((try await ann.get("/api/v1/bookings").json()["bookings"] as? [[String: Any]])?.isEmpty == true)
            let stored = try #require(try await BookingModel.find(UUID(uuidString: booking), on: app.db))
            #expect(stored.status == "cancelled" && stored.sessionID == nil)
            #expect(
                (try await bob.get("/api/v1/bookings").json()["requests"] as? [[String: Any]])?.contains { $0["with"] as? String == "cy-i" }
                    == true,
                "other people's requests stay")
        }
    }

    /// Who had not joined the room ten minutes after the start missed the mock: told to both,
    /// counted on their profile and in matching, and the other side may ask again at once.
    /// The server's clock is a test clock moved forward, never a sleep.
    @Test(arguments: TestDatabase.available)
    func noShowsComeFromRoomPresence(_ db: TestDatabase) async throws {
        let clock = ServerClock.test(Self.utc(2027, 3, 1, 8))
        try await withMockLoopApp(db, config: Self.accounts(clock: clock)) { app in
            var (ann, bob, cy) = try await Self.threeMornings(app)
            func book(
                _ candidate: inout Visitor, _ interviewer: inout Visitor, _ handle: String, at time: String
            ) async throws -> [String: Any] {
                let asked = try await candidate.json(.POST, "/api/v1/partners/\(handle)/requests", ["type": "coding", "slots": [time]])
                #expect(asked.status == .created, "\(asked.body)")
                let booked = try await interviewer.json(.POST, "/api/v1/requests/\(Self.field(asked, "id"))/accept", ["slot": time])
                #expect(booked.status == .ok, "\(booked.body)")
                return booked.json()
            }
            let missed = try await book(&ann, &bob, "bob-i", at: "2027-03-01T09:00:00Z")
            let kept = try await book(&ann, &cy, "cy-i", at: "2027-03-01T10:00:00Z")
            func join(_ booking: [String: Any], _ role: RoomRole, at time: Date) async throws {
                let room = try #require(UUID(uuidString: String((booking["room"] as? String ?? "").dropFirst("/rooms/".count))))
                _ = try await RoomRepository(db: app.db).append(room, clientKey: nil, by: role, now: time) { _, _ in
                    [RoomEventDraft(.joined, to: .both, .object(["name": .string(role.rawValue)]))]
                }
            }
            try await join(missed, .candidate, at: Self.utc(2027, 3, 1, 9, 5))
            try await join(kept, .candidate, at: Self.utc(2027, 3, 1, 9, 58))
            try await join(kept, .interviewer, at: Self.utc(2027, 3, 1, 10, 9))

            func status(_ v: inout Visitor, _ id: Any?) async throws -> (String, String?) {
                let list = try await v.get("/api/v1/bookings").json()["bookings"] as? [[String: Any]] ?? []
                let b = list.first { $0["id"] as? String == id as? String }
                return (b?["status"] as? String ?? "none", b?["missed"] as? String)
            }
            clock.advance(by: 69 * 60)  // 09:09
            #expect(try await status(&ann, missed["id"]) == ("booked", nil), "not before ten minutes")
            clock.advance(by: 2 * 60)  // 09:11
            #expect(try await status(&ann, missed["id"]) == ("missed", "them"))
            #expect(try await status(&bob, missed["id"]) == ("missed", "you"))
            #expect(try await status(&ann, kept["id"]) == ("booked", nil))
            #expect(try await bob.get("/bookings").body.contains("you did not join"))
            #expect(try await cy.get("/partners/bob-i").body.contains("Missed 1 of 1 booked mocks."))
            let reasons = PartnerWebTests.reasons(try await cy.get("/api/v1/partners"), "bob-i")
            #expect(reasons.contains("missed 1 of 1 booked mocks"), "\(reasons)")
            #expect(
                try await ann.json(.POST, "/api/v1/partners/bob-i/requests", ["type": "coding", "slots": ["2027-03-01T11:00:00Z"]]).status
                    == .created,
                "the one who came may ask again at once")

            clock.advance(by: 60 * 60)  // 10:11: Cy came at 10:09, in time.
            #expect(try await status(&cy, kept["id"]) == ("booked", nil))
            #expect(try await ann.get("/partners/cy-i").body.contains("Missed 0 of 1 booked mocks."))
        }
    }
}
