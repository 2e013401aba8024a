import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import Testing
import Vapor
import VaporTesting

/// The mail outbox on both databases: booking changes queue their mails in their own
/// transaction, a mail is claimed by one sender at a time, a lapsed claim is taken again, a
/// refusal waits its backoff, and a mail given up on is shown to its reader. The clock is a
/// test clock; nothing here waits.
@Suite struct MailOutboxTests {
    @Test(arguments: TestDatabase.available)
    func queuedClaimedRetriedAndGivenUp(_ db: TestDatabase) async throws {
        let clock = ServerClock.test(SchedulingWebTests.utc(2027, 3, 1, 8))
        // Nothing listens on port 9: in-process tests drive the outbox themselves.
        let mail = MailConfig(host: "127.0.0.1", port: 9, security: .startTLSIfOffered, from: "mocks@example.org")
        try await withMockLoopApp(db, config: SchedulingWebTests.accounts(clock: clock, mail: mail)) { app in
            var (ann, bob, cy) = try await SchedulingWebTests.threeMornings(app)
            // Each sign-up was sent the link that confirms its address; Ann and Bob open theirs.
            #expect(try await MailOutboxModel.query(on: app.db).filter(\.$kind == "verify").count() == 3)
            try await Self.confirm(&ann, "ann@example.org", app)
            try await Self.confirm(&bob, "bob@example.org", app)
            #expect(try await bob.get("/settings").body.contains("address confirmed"))
            #expect(try await cy.get("/settings").body.contains("Send the confirmation link again"))
            #expect(try await cy.get("/bookings").body.contains("id=\"confirm-address\""))
            let outbox = MailOutbox(db: app.db)
            for m in try await outbox.claim(now: clock.now(), lease: 60) { try await outbox.sent(try m.requireID(), now: clock.now()) }
            let asked = try await ann.json(.POST, "/api/v1/partners/bob-i/requests", ["type": "coding", "slots": ["2027-03-02T10:00:00Z"]])
            #expect(try await bob.json(.POST, "/api/v1/requests/\(SchedulingWebTests.field(asked, "id"))/decline").status == .noContent)
            #expect(try await MailOutboxModel.query(on: app.db).filter(\.$kind != "verify").count() == 0, "a declined request mails nobody")
            let again = try await ann.json(.POST, "/api/v1/partners/bob-i/requests", ["type": "coding", "slots": ["2027-03-02T10:00:00Z"]])
            let booked = try await bob.json(
                .POST, "/api/v1/requests/\(SchedulingWebTests.field(again, "id"))/accept", ["slot": "2027-03-02T10:00:00Z"])
            #expect(booked.status == .ok)
            let queued = try await MailOutboxModel.query(on: app.db).filter(\.$kind == "booked").sort(\.$recipient).all()
            #expect(
                queued.map(\.recipient) == ["ann@example.org", "bob@example.org"]
                    && queued.allSatisfy { $0.kind == "booked" && $0.status == "pending" })
            #expect(
                queued.allSatisfy { $0.body.contains("Message-ID: <\($0.messageID)>") && $0.subject.hasPrefix("Mock booked: Coding with ") }
            )

            // Two senders at once take each mail once.
            let now = clock.now()
            async let a = outbox.claim(now: now, lease: 60, limit: 1)
            async let b = outbox.claim(now: now, lease: 60, limit: 10)
            let (first, second) = try await (a, b)
            let taken = (first + second).compactMap(\.id)
            #expect(taken.count == 2 && Set(taken).count == 2, "each mail claimed by one sender")
            #expect(try await outbox.claim(now: now, lease: 60).isEmpty, "nothing left while the claims hold")

            // A sender that died: its claims lapse after the lease and the mail is taken again, same Message-ID.
            let lapsed = try await outbox.claim(now: now.addingTimeInterval(61), lease: 60)
            #expect(lapsed.count == 2 && lapsed.allSatisfy { $0.attempts == 2 })
            let annMail = try #require(lapsed.first { $0.recipient == "ann@example.org" })
            let bobMail = try #require(lapsed.first { $0.recipient == "bob@example.org" })
            #expect(annMail.messageID == queued[0].messageID)

            // Sent once; refused and retried after its backoff; given up on and shown.
            try await outbox.sent(try annMail.requireID(), now: now)
            try await outbox.notSent(bobMail, reason: "451 try later", retryAfter: 30, now: now.addingTimeInterval(61))
            #expect(try await outbox.claim(now: now.addingTimeInterval(80), lease: 60).isEmpty, "not before its backoff")
            let retried = try await outbox.claim(now: now.addingTimeInterval(92), lease: 60)
            #expect(retried.map(\.id) == [bobMail.id] && retried.first?.attempts == 3)
            try await outbox.notSent(retried[0], reason: "550 no such user", retryAfter: nil, now: now.addingTimeInterval(92))
            #expect(try await MailOutboxModel.find(annMail.id, on: app.db)?.status == "sent")
            #expect(try await MailOutboxModel.find(bobMail.id, on: app.db)?.status == "failed")
            let page = try await bob.get("/bookings")
            #expect(page.body.contains("id=\"mail-failures\"") && page.body.contains("550 no such user"))
            #expect(!(try await ann.get("/bookings").body.contains("id=\"mail-failures\"")), "only the reader's own")

            // The reminder a day ahead is queued once, whoever asks first.
            clock.advance(by: 3 * 3600)  // 11:00, 23 h before the mock
            let due = try await outbox.bookingsToRemind(now: clock.now())
            #expect(due.count == 1)
            #expect(try await outbox.markReminded(try due[0].requireID(), now: clock.now()))
            #expect(!(try await outbox.markReminded(try due[0].requireID(), now: clock.now())), "the second instance finds it done")
            #expect(try await outbox.bookingsToRemind(now: clock.now()).isEmpty)

            // Cancelled: each side gets its cancellation, queued with it.
            #expect(try await ann.json(.POST, "/api/v1/bookings/\(SchedulingWebTests.field(booked, "id"))/cancel").status == .ok)
            #expect(try await MailOutboxModel.query(on: app.db).filter(\.$kind == "cancelled").count() == 2)

            // An admin's reset link also goes to the account's own address, through the same outbox.
            let bobID = try await PartnerWebTests.userID(app, "bob@example.org")
            let issued = try await ann.form("/admin/users/\(bobID.uuidString)/reset", [])
            let link = try #require(issued.body.firstMatch(of: #/<code id="reset-link">([^<]+)</code>/#).map { String($0.1) })
            #expect(issued.body.contains("The link was also e-mailed to bob@example.org."))
            let reset = try #require(try await MailOutboxModel.query(on: app.db).filter(\.$kind == "reset").first())
            #expect(reset.recipient == "bob@example.org" && reset.subject == "Set your MockLoop password")
            #expect(Self.text(of: reset).contains(link))

            // Cy never confirmed her address: a mock she books mails only Ann.
            let cyAsked = try await cy.json(
                .POST, "/api/v1/partners/ann-c/requests", ["type": "coding", "slots": ["2027-03-03T10:00:00Z"]])
            #expect(
                try await ann.json(
                    .POST, "/api/v1/requests/\(SchedulingWebTests.field(cyAsked, "id"))/accept", ["slot": "2027-03-03T10:00:00Z"]
                ).status == .ok)
            let booking = try await MailOutboxModel.query(on: app.db).filter(\.$kind == "booked").filter(\.$createdAt == clock.now()).all()
            #expect(booking.map(\.recipient) == ["ann@example.org"])
        }
    }

    /// The text of a single-part mail as queued.
    static func text(of mail: MailOutboxModel) -> String {
        let body = mail.body.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
        return String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self)
    }

    /// Opens the confirmation link queued for `email`, as its owner would from the mail; it works once.
    static func confirm(_ v: inout Visitor, _ email: String, _ app: Application) async throws {
        let mail = try #require(
            try await MailOutboxModel.query(on: app.db).filter(\.$kind == "verify").filter(\.$recipient == email).first())
        let path = try #require(Self.text(of: mail).firstMatch(of: #/\/verify\/mlv_[A-Za-z0-9_-]+/#).map { String($0.0) })
        let page = try await v.get(path)
        #expect(page.status == .ok && page.body.contains("\(email) is confirmed"))
        #expect(try await v.get(path).status == .notFound, "a link works once")
    }
}
