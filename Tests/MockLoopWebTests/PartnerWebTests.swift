import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import Testing
import Vapor
import VaporTesting

/// Partner profiles, suggestions and safety through the web app and the API, with several
/// accounts on one instance, on SQLite and PostgreSQL.
@Suite struct PartnerWebTests {
    static func profile(
        _ handle: String, wants: [String], offers: [String], zone: String, free: String, visible: Bool = true,
        companies: [String] = ["Google"], level: String = "senior", loops: [[String: Any]] = []
    ) -> [String: Any] {
        [
            "handle": handle, "visible": visible, "companies": companies, "tier": "tier1", "level": level, "wants": wants,
            "offers": offers, "timeZone": zone, "availability": free, "loops": loops, "languages": ["English"],
        ]
    }

    /// Someone who wants and gives coding mocks, free every day 10:00–12:00 UTC.
    static func coder(_ handle: String) -> [String: Any] {
        profile(handle, wants: ["coding"], offers: ["coding"], zone: "UTC", free: "Mon-Sun 10:00-12:00")
    }

    static func handles(_ a: Visitor.Answer) -> [String] {
        (a.json()["partners"] as? [[String: Any]] ?? []).compactMap { $0["handle"] as? String }
    }

    static func reasons(_ a: Visitor.Answer, _ handle: String) -> [String] {
        (a.json()["partners"] as? [[String: Any]] ?? []).first { $0["handle"] as? String == handle }?["reasons"] as? [String] ?? []
    }

    static func userID(_ app: Application, _ email: String) async throws -> UUID {
        try #require(try await UserModel.query(on: app.db).filter(\.$email == email).first()?.id)
    }

    /// Who is suggested and why: the one who passed my target company's loop first, with a
    /// verified mark once an admin checked it; hidden profiles and people offering nothing I want
    /// never; a block hides both sides from each other, their profiles and their rooms.
    @Test(arguments: TestDatabase.available)
    func suggestionsReasonsAndBlocks(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var ada = try await Visitor.signUp(app, "ada@example.org", name: "Ada Admin")
            var ann = try await Visitor.signUp(app, "ann@example.org", name: "Ann Candidate")
            var bob = try await Visitor.signUp(app, "bob@example.org", name: "Bob Staff")
            var cy = try await Visitor.signUp(app, "cy@example.org", name: "Cy Far")
            var dee = try await Visitor.signUp(app, "dee@example.org", name: "Dee Hidden")
            var eve = try await Visitor.signUp(app, "eve@example.org", name: "Eve Behavioral")

            #expect(try await ann.get("/api/v1/partners").status == .conflict, "no suggestions before a profile")
            #expect(try await ann.get("/partners").body.contains("id=\"no-profile\""))
            let saved = try await ann.json(
                .PUT, "/api/v1/partners/profile",
                Self.profile("ann-sd", wants: ["system_design"], offers: ["coding"], zone: "Europe/Berlin", free: "Mon-Fri 18:00-20:00"))
            #expect(saved.status == .ok, "\(saved.body)")
            #expect(
                (saved.json()["profile"] as? [String: Any])?["availability"] as? String
                    == "Mon 18:00-20:00\nTue 18:00-20:00\nWed 18:00-20:00\nThu 18:00-20:00\nFri 18:00-20:00")
            let passed =
                ["company": "google", "tier": "tier1", "level": "staff", "types": ["system_design"], "month": "2026-09"] as [String: Any]
            #expect(
                try await bob.json(
                    .PUT, "/api/v1/partners/profile",
                    Self.profile(
                        "bob-<b>staff", wants: ["coding"], offers: ["system_design"], zone: "Europe/London", free: "Mon-Fri 17:00-19:00",
                        level: "staff", loops: [passed])
                ).status == .unprocessableEntity, "a handle with markup is refused")
            #expect(
                try await bob.json(
                    .PUT, "/api/v1/partners/profile",
                    Self.profile(
                        "bob-staff", wants: ["coding"], offers: ["system_design"], zone: "Europe/London", free: "Mon-Fri 17:00-19:00",
                        companies: ["<script>x</script>"], level: "staff", loops: [passed])
                ).status == .ok)
            _ = try await cy.json(
                .PUT, "/api/v1/partners/profile",
                Self.profile("cy-far", wants: ["coding"], offers: ["system_design"], zone: "Pacific/Auckland", free: "Mon-Fri 18:00-20:00"))
            _ = try await dee.json(
                .PUT, "/api/v1/partners/profile",
                Self.profile(
                    "dee-hidden", wants: ["coding"], offers: ["system_design"], zone: "Europe/Berlin", free: "Mon-Fri 18:00-20:00",
                    visible: false))
            _ = try await eve.json(
                .PUT, "/api/v1/partners/profile",
                Self.profile("eve-talks", wants: ["coding"], offers: ["behavioral"], zone: "Europe/Berlin", free: "Mon-Fri 18:00-20:00"))
            let taken = try await eve.json(
                .PUT, "/api/v1/partners/profile",
                Self.profile("bob-staff", wants: ["coding"], offers: ["behavioral"], zone: "Europe/Berlin", free: "Mon 18:00-19:00"))
            #expect(taken.status == .unprocessableEntity && taken.body.contains("taken"), "a handle is one person's")

            var list = try await ann.get("/api/v1/partners")
            #expect(Self.handles(list) == ["bob-staff", "cy-far"], "\(list.body)")
            #expect(
                Self.reasons(list, "bob-staff").contains {
                    $0.contains("passed your target company (google)") && $0.contains("self-declared")
                })
            #expect(Self.reasons(list, "bob-staff").contains("20 h free together in the next 14 days"))
            #expect(Self.reasons(list, "cy-far").contains("no free time shared in the next 14 days"))
            #expect(!list.body.contains("Bob Staff") && !list.body.contains("bob@example.org"), "handles only")

            // The admin checks Bob's loop: his reason says so.
            let adminPage = try await ada.get("/admin/partners")
            let loopID = try #require(adminPage.body.firstMatch(of: #/\/admin\/loops\/([0-9A-Fa-f-]{36})\/verify/#).map { String($0.1) })
            #expect(try await ann.form("/admin/loops/\(loopID)/verify", []).status == .notFound, "only admins verify")
            #expect(try await ada.form("/admin/loops/\(loopID)/verify", []).status == .seeOther)
            list = try await ann.get("/api/v1/partners")
            #expect(Self.reasons(list, "bob-staff").contains { $0.contains("google") && $0.hasSuffix(", verified") })

            // The page escapes what people typed.
            let bobPage = try await ann.get("/partners/bob-staff")
            #expect(bobPage.status == .ok && bobPage.body.contains("&lt;script&gt;x&lt;/script&gt;") && !bobPage.body.contains("<script>x"))
            #expect(bobPage.body.contains("id=\"match-reasons\"") && !bobPage.body.contains("Bob Staff"))
            #expect(try await ann.get("/partners/dee-hidden").status == .notFound, "a hidden profile is not found")
            #expect(try await ann.get("/partners/ann-sd").status == .notFound, "one's own handle is not another's profile")

            // Names show once both agreed.
            _ = try await ann.form("/partners/bob-staff/reveal", [])
            #expect(!(try await bob.get("/partners/ann-sd").body.contains("Ann Candidate")))
            _ = try await bob.form("/partners/ann-sd/reveal", [])
            #expect(try await bob.get("/partners/ann-sd").body.contains("Ann Candidate"))
            #expect(try await ann.get("/api/v1/partners/bob-staff").json()["name"] as? String == "Bob Staff")

            // A room of Ann's: Bob can join until she blocks him.
            let annID = try await Self.userID(app, "ann@example.org")
            let (_, joinToken) = try await RoomRepository(db: app.db).create(RoomPlan(questionId: "balanced-brackets"), candidate: annID)
            #expect(try await bob.get("/join/\(joinToken)").status == .ok)
            #expect(try await ann.form("/partners/bob-staff/block", []).location == "/partners?blocked=1")
            #expect(Self.handles(try await ann.get("/api/v1/partners")) == ["cy-far"])
            #expect(!Self.handles(try await bob.get("/api/v1/partners")).contains("ann-sd"), "a block hides both ways")
            #expect(try await bob.get("/partners/ann-sd").status == .notFound)
            #expect(try await bob.get("/join/\(joinToken)").status == .notFound, "nor can they meet in a room")
            #expect(try await bob.form("/join/\(joinToken)", [("name", "Bob")]).status == .notFound)
            #expect(try await ann.get("/partners").body.contains("/partners/blocked/bob-staff/unblock"))
            #expect(try await ann.form("/partners/blocked/bob-staff/unblock", []).status == .seeOther)
            #expect(Self.handles(try await ann.get("/api/v1/partners")) == ["bob-staff", "cy-far"])
            #expect(try await bob.get("/join/\(joinToken)").status == .ok)

            // Reports: a reason is needed; the admins read it and close it.
            let empty = try await ann.form("/partners/cy-far/report", [("reason", "  ")])
            #expect(empty.status == .unprocessableEntity && empty.body.contains("say what happened"))
            let reported = try await ann.form("/partners/cy-far/report", [("reason", "Did not show & was <rude>")])
            #expect(reported.location == "/partners?reported=1")
            let reports = try await ada.get("/admin/partners")
            #expect(reports.body.contains("Did not show &amp; was &lt;rude&gt;") && reports.body.contains("cy-far"))
            let reportID = try #require(reports.body.firstMatch(of: #/\/admin\/reports\/([0-9A-Fa-f-]{36})\/close/#).map { String($0.1) })
            _ = try await ada.form("/admin/reports/\(reportID)/close", [])
            #expect(try await ada.get("/admin/partners").body.contains("id=\"no-reports\""))
        }
    }

    /// The ledger comes from the rooms: mocks given and received, the candidates' ratings of the
    /// feedback, and a recent pairing that sends people to someone new.
    @Test(arguments: TestDatabase.available)
    func theLedgerComesFromRooms(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var ann = try await Visitor.signUp(app, "ann@example.org")
            var bob = try await Visitor.signUp(app, "bob@example.org")
            var cy = try await Visitor.signUp(app, "cy@example.org")
            _ = try await ann.json(
                .PUT, "/api/v1/partners/profile",
                Self.coder("ann-a"))
            _ = try await bob.json(
                .PUT, "/api/v1/partners/profile",
                Self.coder("bob-b"))
            _ = try await cy.json(
                .PUT, "/api/v1/partners/profile",
                Self.coder("cy-c"))
            let (bobID, cyID) = (try await Self.userID(app, "bob@example.org"), try await Self.userID(app, "cy@example.org"))
            // Cy interviewed Bob twice and was rated; Bob never gave one.
            for _ in 0..<2 {
                let (room, _) = try await RoomRepository(db: app.db).create(RoomPlan(questionId: "balanced-brackets"), candidate: bobID)
                room.interviewerID = cyID
                room.interviewerName = "Cy"
                room.endedAt = Date()
                try await room.update(on: app.db)
                let f = PartnerFeedbackModel()
                f.sessionID = room.sessionID
                f.userID = bobID
                f.name = "Cy"
                f.stronger = "s"
                f.communication = "c"
                f.concerns = "k"
                f.createdAt = Date()
                f.specific = 3
                f.honest = 2
                try await f.create(on: app.db)
            }
            // Ending and rating a mock refresh both people's ledgers (the socket test ends one for
            // real); these rooms were written directly, so the refresh is called as those do.
            #expect(Self.reasons(try await ann.get("/api/v1/partners"), "cy-c").allSatisfy { !$0.hasPrefix("gave") })
            try await PartnerLedger(db: app.db).refresh([bobID, cyID])
            let list = try await ann.get("/api/v1/partners")
            #expect(Self.handles(list) == ["cy-c", "bob-b"], "\(list.body)")
            #expect(Self.reasons(list, "cy-c").contains("gave 2, received 0 here"))
            #expect(Self.reasons(list, "cy-c").contains("their feedback is rated 2.5 of 3 for specific and honest (2 ratings)"))
            #expect(Self.reasons(list, "bob-b").contains { $0.contains("has received 2 mocks here and given none") })
            let mine = try await bob.get("/api/v1/partners/profile").json()["ledger"] as? [String: Any]
            #expect(mine?["received"] as? Int == 2 && mine?["given"] as? Int == 0)
            #expect(try await bob.get("/partners").body.contains("Gave 0 mocks here, received 2."))
            let bobs = try await bob.get("/api/v1/partners")
            #expect(Self.reasons(bobs, "cy-c").contains("you paired today: try someone new"))
            #expect(!Self.reasons(bobs, "ann-a").contains { $0.contains("paired") })
        }
    }

    /// An instance keeps parsed cards until their version moves: a change made through another
    /// instance (hiding a profile, an admin disabling the account, deleting it) is seen at the
    /// next ranking.
    @Test(arguments: TestDatabase.available)
    func keptCardsFollowChangesMadeElsewhere(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var ada = try await Visitor.signUp(app, "ada@example.org")
            var ann = try await Visitor.signUp(app, "ann@example.org")
            var bob = try await Visitor.signUp(app, "bob@example.org")
            let bobProfile = Self.coder("bob-b")
            _ = try await ann.json(
                .PUT, "/api/v1/partners/profile",
                Self.coder("ann-a"))
            _ = try await bob.json(.PUT, "/api/v1/partners/profile", bobProfile)
            let elsewhere = PartnerDirectory(db: app.db, userID: try await Self.userID(app, "ann@example.org"), cards: PartnerCards())
            #expect(try await elsewhere.suggestions().map(\.handle) == ["bob-b"])
            var hidden = bobProfile
            hidden["visible"] = false
            _ = try await bob.json(.PUT, "/api/v1/partners/profile", hidden)
            #expect(try await elsewhere.suggestions().isEmpty, "hidden")
            _ = try await bob.json(.PUT, "/api/v1/partners/profile", bobProfile)
            #expect(try await elsewhere.suggestions().map(\.handle) == ["bob-b"])
            let bobID = try await Self.userID(app, "bob@example.org")
            #expect(try await ada.form("/admin/users/\(bobID.uuidString)/disable", []).status == .seeOther)
            #expect(try await elsewhere.suggestions().isEmpty, "a disabled account is suggested to no one")
            #expect(Self.handles(try await ann.get("/api/v1/partners")).isEmpty)
            _ = try await ada.form("/admin/users/\(bobID.uuidString)/enable", [])
            #expect(try await elsewhere.suggestions().map(\.handle) == ["bob-b"])
            try await AccountRepository(db: app.db).delete(bobID)
            #expect(try await elsewhere.suggestions().isEmpty, "a deleted account's profile goes with it")
        }
    }

    /// The form keeps what was typed and puts each problem beside its field.
    @Test func theFormKeepsValuesAndNamesProblems() async throws {
        try await withMockLoopApp(.sqlite, config: withAccounts()) { app in
            var ann = try await Visitor.signUp(app, "ann@example.org")
            let blank = try await ann.get("/partners/profile")
            #expect(blank.body.contains("name=\"handle\"") && blank.body.contains("value=\"UTC\""))
            let bad = try await ann.form(
                "/partners/profile",
                [
                    ("handle", "my-handle"), ("visible", "on"), ("tier", "tier1"), ("level", "senior"), ("wants_coding", "on"),
                    ("timeZone", "Mars/Base"), ("availability", "Mon 18:00-20:00\nsomeday"), ("loop_0_company", "Stripe"),
                    ("loop_0_tier", "tier1"), ("loop_0_level", "staff"), ("loop_0_types", "coding"), ("loop_0_month", "2099-01"),
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.body.contains("value=\"my-handle\"") && bad.body.contains("value=\"Mars/Base\"")
                    && bad.body.contains("value=\"Stripe\""))
            #expect(bad.body.contains("IANA time zone") && bad.body.contains("entry 2") && bad.body.contains("is in the future"))
            #expect(try await ann.get("/api/v1/partners/profile").status == .notFound, "nothing was saved")
            let good = try await ann.form(
                "/partners/profile",
                [
                    ("handle", "my-handle"), ("visible", "on"), ("tier", "tier1"), ("level", "senior"), ("wants_coding", "on"),
                    ("timeZone", "Europe/Berlin"), ("availability", "Mon 18:00-20:00"), ("loop_0_company", "Stripe"),
                    ("loop_0_tier", "tier1"), ("loop_0_level", "staff"), ("loop_0_types", "coding, system design"),
                    ("loop_0_month", "2026-06"),
                ])
            #expect(good.location == "/partners?saved=1")
            let loops = try await ann.get("/api/v1/partners/profile").json()["profile"] as? [String: Any]
            #expect((loops?["loops"] as? [[String: Any]])?.first?["types"] as? [String] == ["coding", "system_design"])
            #expect(try await ann.form("/partners/profile/remove", []).status == .seeOther)
            #expect(try await ann.get("/api/v1/partners/profile").status == .notFound)
        }
    }
}
