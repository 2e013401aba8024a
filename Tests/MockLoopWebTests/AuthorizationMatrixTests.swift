import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import Testing
import Vapor
import VaporTesting

/// Every route of the app, read from its own route table, tried by an anonymous client and by a
/// second user against what the first user made. Anonymous: 401 on the API, a redirect to sign
/// in on pages, except open routes. The second user: another user's id answers exactly as an id
/// that does not exist (a 404 for every read), no answer carries anything of the first user's,
/// and afterwards everything of the first user's is as it was. A route without an entry here
/// fails the test.
@Suite struct AuthorizationMatrixTests {
    /// What a route's path parameter names, when it names something someone owns.
    enum Owned { case session, question, rubric, practice, device, token, share, room, partner, request, booking }

    enum Entry {
        /// Anyone may use it (sign-in, health, the API description, one-time links).
        case open
        /// Signed in; acts on the user's own things (lists, forms that create, the account).
        case mine
        /// Signed in; names one thing by id: another user's is not found.
        case one(Owned)
        /// Admins only: anyone else gets a 404, as if it did not exist.
        case admin
        /// Opened by a token in the path: a wrong one is a 404 for everyone.
        case token

        var isOpen: Bool {
            if case .open = self { return true }
            return false
        }
    }

    static let matrix: [String: Entry] = [
        "GET /healthz": .open, "GET /openapi.json": .open,
        "GET /sign-in": .open, "POST /sign-in": .open, "GET /sign-up": .open, "POST /sign-up": .open,
        "GET /password/:token": .open, "POST /password/:token": .open,
        "POST /sign-out": .mine, "POST /sign-out/everywhere": .mine,
        "POST /settings/password": .mine, "POST /settings/devices/:id/revoke": .one(.device),
        "POST /settings/tokens": .mine, "POST /settings/delete-account": .mine, "POST /settings/tokens/:id/revoke": .one(.token),
        "GET /shares": .mine, "POST /shares/:id/revoke": .one(.share), "POST /rubrics/:id/share": .one(.rubric),
        "POST /sessions/:id/share": .one(.session), "POST /sessions/:id/reopen-scoring": .one(.session),
        "GET /shared/:token": .token, "GET /shared/:token/markdown": .token, "POST /shared/:token/scores": .token,
        "GET /admin": .admin, "POST /admin/users/:id/:action": .admin, "GET /admin/invites": .admin, "POST /admin/invites": .admin,
        "POST /admin/invites/:id/revoke": .admin, "GET /admin/audit": .admin, "GET /admin/mail": .admin,
        "POST /settings/verify-email": .mine, "GET /verify/:token": .token,
        "GET /api/v1/account": .mine, "GET /api/v1/account/devices": .mine, "DELETE /api/v1/account/devices/:id": .one(.device),
        "GET /api/v1/account/tokens": .mine, "POST /api/v1/account/tokens": .mine,
        "DELETE /api/v1/account/tokens/:id": .one(.token),
        "GET /": .mine, "GET /rubrics": .mine, "GET /rubrics/:id": .one(.rubric), "GET /rubrics/:id/print": .one(.rubric),
        "GET /rubrics/:id/markdown": .one(.rubric), "POST /rubrics/:id/clone": .one(.rubric), "GET /rubrics/:id/edit": .one(.rubric),
        "POST /rubrics/:id/edit": .one(.rubric), "POST /rubrics/:id/delete": .one(.rubric),
        "GET /questions": .mine, "GET /questions/new": .mine, "POST /questions": .mine, "GET /questions/export": .mine,
        "GET /questions/pack": .mine, "POST /questions/pack": .mine, "GET /questions/:id": .one(.question),
        "POST /questions/:id/delete": .one(.question),
        "GET /sessions/new": .mine, "POST /sessions": .mine, "GET /sessions/:id": .one(.session),
        "POST /sessions/:id/start": .one(.session), "POST /sessions/:id/delete": .one(.session),
        "POST /sessions/:id/scores": .one(.session), "POST /sessions/:id/retro": .one(.session),
        "POST /sessions/:id/drill": .one(.session), "POST /sessions/:id/transcript": .one(.session),
        "POST /sessions/:id/run": .one(.session),
        "GET /insights": .mine, "GET /practice": .mine, "POST /practice": .mine, "GET /practice/:id": .one(.practice),
        "GET /log": .mine, "GET /log/export.csv": .mine, "GET /log/export.json": .mine, "GET /settings": .mine,
        "POST /settings/target": .mine, "GET /log/import": .mine, "POST /log/import": .mine,
        "GET /archive": .mine, "GET /archive/download": .mine, "POST /archive": .mine, "GET /api/v1/archive": .mine,
        "POST /api/v1/archive": .mine, "GET /api/v1/practice/brief": .mine, "GET /api/v1/insights/document": .mine,
        "GET /api/v1/rubrics": .mine, "GET /api/v1/rubrics/:id": .one(.rubric), "GET /api/v1/rubrics/:id/markdown": .one(.rubric),
        "POST /api/v1/rubrics/:id/clone": .one(.rubric), "PUT /api/v1/rubrics/:id": .one(.rubric),
        "DELETE /api/v1/rubrics/:id": .one(.rubric),
        "GET /api/v1/questions": .mine, "POST /api/v1/questions": .mine, "GET /api/v1/questions/pick": .mine,
        "GET /api/v1/questions/export": .mine, "POST /api/v1/packs": .mine, "GET /api/v1/packs/export": .mine,
        "GET /api/v1/questions/:id": .one(.question), "DELETE /api/v1/questions/:id": .one(.question),
        "GET /api/v1/sessions": .mine, "POST /api/v1/sessions": .mine, "GET /api/v1/sessions/:id": .one(.session),
        "DELETE /api/v1/sessions/:id": .one(.session), "POST /api/v1/sessions/:id/start": .one(.session),
        "POST /api/v1/sessions/:id/scores": .one(.session), "POST /api/v1/sessions/:id/retro": .one(.session),
        "PUT /api/v1/sessions/:id/retro": .one(.session), "POST /api/v1/sessions/:id/retro/drill": .one(.session),
        "POST /api/v1/run": .mine, "GET /api/v1/runs": .mine, "GET /api/v1/insights": .mine,
        "POST /api/v1/practice": .mine, "GET /api/v1/practice/:id": .one(.practice),
        "POST /api/v1/practice/:id/answers": .one(.practice), "POST /api/v1/practice/:id/code": .one(.practice),
        "POST /api/v1/practice/:id/run": .one(.practice), "POST /api/v1/practice/:id/:action": .one(.practice),
        "POST /api/v1/analyze": .mine, "PUT /api/v1/sessions/:id/transcript": .one(.session),
        "GET /api/v1/sessions/:id/transcript/analysis": .one(.session), "GET /api/v1/log/export": .mine,
        "GET /api/v1/target": .mine, "PUT /api/v1/target": .mine, "POST /api/v1/log/import": .mine,
        // A room is reached by its two seats (a guest interviewer has no account): for anyone
        // else, signed in or not, it is a 404 like a wrong token.
        "GET /rooms/new": .mine, "POST /rooms": .mine, "GET /rooms/:id": .token, "POST /rooms/:id/link": .token,
        "GET /rooms/:id/socket": .token, "GET /rooms/:id/replay": .token, "GET /rooms/:id/whiteboard.svg": .token,
        "GET /join/:token": .token, "POST /join/:token": .token,
        // Another person's partner profile is reached by handle; the first user's is hidden,
        // so for the second it answers as a handle nobody has.
        "GET /partners": .mine, "GET /partners/profile": .mine, "POST /partners/profile": .mine,
        "POST /partners/profile/remove": .mine, "POST /partners/blocked/:handle/unblock": .one(.partner),
        "GET /partners/:handle": .one(.partner), "POST /partners/:handle/block": .one(.partner),
        "POST /partners/:handle/report": .one(.partner), "POST /partners/:handle/reveal": .one(.partner),
        "GET /api/v1/partners": .mine, "GET /api/v1/partners/profile": .mine, "PUT /api/v1/partners/profile": .mine,
        "DELETE /api/v1/partners/profile": .mine, "GET /api/v1/partners/:handle": .one(.partner),
        "POST /api/v1/partners/:handle/block": .one(.partner), "DELETE /api/v1/partners/:handle/block": .one(.partner),
        "POST /api/v1/partners/:handle/report": .one(.partner),
        // Requests and bookings are reached by their two people only.
        "GET /partners/:handle/request": .one(.partner), "POST /partners/:handle/request": .one(.partner), "GET /bookings": .mine,
        "POST /bookings/feed": .mine, "POST /bookings/feed/revoke": .mine, "GET /bookings/:id/invite.ics": .one(.booking),
        "GET /bookings/:id/move": .one(.booking), "POST /bookings/:id/move": .one(.booking), "POST /bookings/:id/cancel": .one(.booking),
        "POST /requests/:id/accept": .one(.request), "POST /requests/:id/decline": .one(.request),
        "POST /requests/:id/withdraw": .one(.request), "GET /requests/:id/propose": .one(.request),
        "POST /requests/:id/propose": .one(.request), "GET /calendar/:token": .token,
        "POST /api/v1/partners/:handle/requests": .one(.partner), "GET /api/v1/bookings": .mine,
        "POST /api/v1/bookings/:id/cancel": .one(.booking), "POST /api/v1/bookings/:id/move": .one(.booking),
        "POST /api/v1/requests/:id/accept": .one(.request), "POST /api/v1/requests/:id/decline": .one(.request),
        "POST /api/v1/requests/:id/withdraw": .one(.request), "POST /api/v1/requests/:id/propose": .one(.request),
        "GET /admin/partners": .admin, "POST /admin/loops/:id/:action": .admin, "POST /admin/reports/:id/close": .admin,
    ]

    /// A string only the first user's things carry.
    static let marker = "Zephyrine4417"

    /// What the first user made, by kind, and ids of the same kinds that do not exist.
    struct Fixture {
        var owned: [Owned: String]
        var missing: [Owned: String] = [
            .session: UUID().uuidString, .practice: UUID().uuidString, .device: UUID().uuidString, .token: UUID().uuidString,
            .question: "no-such-question-\(Int.random(in: 1000...9999))", .rubric: "no-such-rubric-\(Int.random(in: 1000...9999))",
            .share: UUID().uuidString, .room: UUID().uuidString, .partner: "no-such-handle-\(Int.random(in: 1000...9999))",
            .request: UUID().uuidString, .booking: UUID().uuidString,
        ]
        var token: String
        var shareToken: String
    }

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    static func path(_ route: Route, _ ids: [Owned: String], entry: Entry) -> String {
        "/"
            + route.path.map { part -> String in
                switch part.description {
                case ":id", ":handle":
                    if case .one(let kind) = entry { return ids[kind] ?? "x" }
                    // A room's routes are tried with the first user's real room.
                    return route.path.first?.description == "rooms" ? ids[.room] ?? "x" : "x"
                case ":token": return SecretToken.make()
                case ":action": return "hint"
                default: return part.description
                }
            }.joined(separator: "/")
    }

    /// The body a route would get from its own page or client: a JSON object or a form.
    static func send(_ visitor: inout Visitor, _ route: Route, _ path: String) async throws -> Visitor.Answer {
        if route.method == .GET { return try await visitor.get(path) }
        if path.hasPrefix("/api/") {
            return try await visitor.json(route.method, path, ["type": "coding", "mode": "peer", "name": "B's copy"])
        }
        return try await visitor.form(path, [("type", "coding"), ("mode", "peer"), ("name", "B's"), ("title", "B's question")])
    }

    static func makeFixture(_ ann: inout Visitor) async throws -> Fixture {
        let session = try await ann.json(
            .POST, "/api/v1/sessions", ["type": "coding", "mode": "peer", "notes": marker, "interviewer": marker])
        let question = try await ann.json(
            .POST, "/api/v1/questions", ["title": "\(marker) parking lot", "type": "api_design", "difficulty": "medium", "prompt": marker])
        let rubric = try await ann.json(.POST, "/api/v1/rubrics/coding/clone", ["name": "\(marker) rubric"])
        let practice = try await ann.json(.POST, "/api/v1/practice", ["type": "behavioral", "minutes": 20])
        let token = try await ann.json(.POST, "/api/v1/account/tokens", ["name": marker, "scope": "read-write", "days": 30])
        _ = try await ann.json(.PUT, "/api/v1/target", ["tier": "tier1", "level": "staff", "types": ["coding"], "company": marker])
        _ = try await ann.json(
            .PUT, "/api/v1/partners/profile",
            [
                "handle": "ann-hidden", "visible": false, "companies": [marker], "tier": "tier1", "level": "staff", "wants": ["coding"],
                "offers": ["coding"], "timeZone": "Europe/Berlin", "availability": "Mon-Fri 18:00-20:00",
            ])
        // A partner Ann booked a mock with, and a request of hers waiting for his answer.
        var cy = try await Visitor.signUp(ann.app, "cy@example.org", name: "Cy Partner")
        _ = try await cy.json(
            .PUT, "/api/v1/partners/profile",
            PartnerWebTests.profile("cy-partner", wants: ["coding"], offers: ["coding"], zone: "UTC", free: "Mon-Sun 00:00-24:00"))
        let times = try await ann.get("/partners/cy-partner/request").body.matches(of: #/name="slot_([0-9T:Z-]{20})"/#).map { String($0.1) }
        let asked = try await ann.json(
            .POST, "/api/v1/partners/cy-partner/requests", ["type": "coding", "slots": Array(times.prefix(1)), "note": marker])
        let booked = try await cy.json(.POST, "/api/v1/requests/\(asked.json()["id"] as? String ?? "")/accept", ["slot": times.first ?? ""])
        let waiting = try await ann.json(
            .POST, "/api/v1/partners/cy-partner/requests", ["type": "coding", "slots": [times.count > 3 ? times[3] : ""], "note": marker])
        let device = try await ann.get("/api/v1/account/devices").jsonArray().first?["id"] as? String
        let sessionID = session.json()["id"] as? String ?? ""
        let shared = try await ann.form("/sessions/\(sessionID)/share", [("kind", "partner_kit"), ("expires", "86400")])
        let shareToken = shared.body.firstMatch(of: #/\/shared\/(mls_[A-Za-z0-9_-]{43})/#).map { String($0.1) } ?? ""
        let room = try await ann.form("/rooms", [("questionId", "balanced-brackets")]).location
            .firstMatch(of: #/\/rooms\/([0-9a-f-]{36})/#).map { String($0.1) }
        let share = try await ann.get("/shares").body.firstMatch(of: #/id="share-([0-9A-F-]{36})"/#).map { String($0.1) }
        let ids: [Owned: String?] = [
            .session: session.json()["id"] as? String, .question: (question.jsonArray().first ?? question.json())["id"] as? String,
            .rubric: rubric.json()["id"] as? String,
            .practice: (practice.json()["session"] as? [String: Any])?["id"] as? String
                ?? practice.json()["id"] as? String, .token: token.json()["id"] as? String, .device: device, .share: share,
            .room: room, .partner: "ann-hidden", .booking: booked.json()["id"] as? String, .request: waiting.json()["id"] as? String,
        ]
        let answers: [Owned: Visitor.Answer] = [
            .session: session, .question: question, .rubric: rubric, .practice: practice, .token: token, .booking: booked,
            .request: waiting,
        ]
        for (kind, id) in ids where id == nil {
            throw Abort(.internalServerError, reason: "fixture \(kind) was not made: \(answers[kind]?.body.prefix(300) ?? "")")
        }
        return Fixture(owned: ids.compactMapValues { $0 }, token: token.json()["token"] as? String ?? "", shareToken: shareToken)
    }

    /// Everything of the first user's that the second could have read or changed.
    static func snapshot(_ ann: inout Visitor, _ fixture: Fixture) async throws -> [String] {
        var seen: [String] = []
        for path in [
            "/api/v1/sessions/\(fixture.owned[.session]!)", "/api/v1/questions/\(fixture.owned[.question]!)",
            "/api/v1/rubrics/\(fixture.owned[.rubric]!)", "/api/v1/practice/\(fixture.owned[.practice]!)", "/api/v1/account/tokens",
            "/api/v1/target", "/api/v1/log/export?format=json", "/api/v1/partners/profile", "/api/v1/bookings",
        ] {
            let a = try await ann.get(path)
            seen.append("\(path) \(a.status.code) \(Self.canonical(a.body))")
        }
        return seen
    }

    /// JSON with sorted keys and without what changes by itself (a running clock, a token's last use).
    static func canonical(_ body: String) -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !["clock", "lastUsedAt"].contains($0.key) }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        guard let value = try? JSONSerialization.jsonObject(with: Data(body.utf8)),
            let data = try? JSONSerialization.data(withJSONObject: strip(value), options: [.sortedKeys])
        else { return body }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func everyRouteIsInTheMatrix() async throws {
        try await withMockLoopApp(.sqlite, config: withAccounts()) { app in
            let keys = Set(app.routes.all.map(Self.key))
            let missing = keys.subtracting(Self.matrix.keys).sorted()
            let stale = Set(Self.matrix.keys).subtracting(keys).sorted()
            #expect(missing.isEmpty, "routes without a matrix entry: \(missing)")
            #expect(stale.isEmpty, "matrix entries without a route: \(stale)")
        }
    }

    @Test(arguments: TestDatabase.available)
    func noOneReachesAnotherUsersThings(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var ann = try await Visitor.signUp(app, "ann@example.org", name: "Ann")
            let fixture = try await Self.makeFixture(&ann)
            let before = try await Self.snapshot(&ann, fixture)
            #expect(before.allSatisfy { $0.contains(" 200 ") }, "the first user reads all of it: \(before.map { $0.prefix(80) })")
            var bob = try await Visitor.signUp(app, "bob@example.org", name: "Bob")
            for route in app.routes.all {
                let key = Self.key(route)
                guard let entry = Self.matrix[key] else { continue }
                let path = Self.path(route, fixture.owned, entry: entry)

                var anon = Visitor.anonymous(app)
                let a = try await Self.send(&anon, route, path)
                switch entry {
                case .token:
                    #expect(a.status == .notFound, "\(key): a wrong token is a 404")
                case .open:
                    #expect(!a.location.hasPrefix("/sign-in") && !a.body.contains("send a personal access token"), "\(key): open to anyone")
                case .mine, .one, .admin:
                    if path.hasPrefix("/api/") {
                        #expect(a.status == .unauthorized, "\(key): anonymous API call is 401 (got \(a.status.code))")
                    } else {
                        #expect(a.status == .seeOther && a.location.hasPrefix("/sign-in"), "\(key): anonymous page goes to sign-in")
                    }
                }
                #expect(!a.body.contains(Self.marker), "\(key): nothing of the first user's reaches an anonymous client")

                if bob.signIn == nil { bob = try await Visitor.signIn(app, "bob@example.org") }
                let b = try await Self.send(&bob, route, path)
                if !entry.isOpen && !key.contains("/sign-out") {
                    #expect(!b.location.hasPrefix("/sign-in") && b.status != .unauthorized, "\(key): the second user is signed in")
                }
                #expect(
                    !b.body.contains(Self.marker) && !b.body.contains("ann@example.org"),
                    "\(key): the second user sees nothing of the first's")
                #expect(b.status.code < 500, "\(key): \(b.status.code)")
                if case .admin = entry { #expect(b.status == .notFound, "\(key): a member gets a 404 from admin routes") }
                if case .token = entry { #expect(b.status == .notFound, "\(key): a wrong token is a 404 signed in too") }
                if case .one(let kind) = entry {
                    let none = try await Self.send(&bob, route, Self.path(route, fixture.missing, entry: entry))
                    #expect(
                        b.status == none.status,
                        "\(key): another user's id answers as a missing one (\(b.status.code) vs \(none.status.code))")
                    if route.method == .GET { #expect(b.status == .notFound, "\(key): another user's id is a 404") }
                }
            }
            let after = try await Self.snapshot(&ann, fixture)
            for (was, now) in zip(before, after) { #expect(was == now, "everything of the first user's is as it was") }
            var annToken = Visitor.anonymous(app)
            annToken.bearer = fixture.token
            #expect(try await annToken.get("/api/v1/account").status == .ok, "the first user's token still works")
            var holder = Visitor.anonymous(app)
            #expect(try await holder.get("/shared/\(fixture.shareToken)").status == .ok, "the first user's share link still opens")
            #expect(try await ann.get("/rooms/\(fixture.owned[.room]!)").status == .ok, "the first user's room still opens for her")
        }
    }
}
