import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import SQLKit
import Testing
import VaporTesting

/// Accounts as people meet them: sign up, sign in and out, the throttle, devices, passwords.
@Suite struct AccountWebTests {
    static let password = "violet harbour kite 42"

    @Test(arguments: TestDatabase.available)
    func theFirstAccountIsTheAdminAndKeepsWhatWasMadeSolo(_ db: TestDatabase) async throws {
        let store = try await db.makeStore()
        var solo = ""
        try await withMockLoopApp(on: store) { app in
            solo = try await APITests.createSession(app, #"{"type": "coding", "mode": "peer", "notes": "made before accounts"}"#)
        }
        try await withMockLoopApp(on: store, config: withAccounts()) { app in
            var ann = try await Visitor.signUp(app, "Ann@Example.org", name: "Ann")
            let me = try await ann.get("/api/v1/account").json()
            #expect(me["email"] as? String == "ann@example.org" && me["isAdmin"] as? Bool == true)
            let log = try await ann.get("/api/v1/sessions")
            #expect(log.body.contains(solo), "the solo session is the first account's")
            var bob = try await Visitor.signUp(app, "bob@example.org")
            #expect(try await bob.get("/api/v1/account").json()["isAdmin"] as? Bool == false)
            let bobs = try await bob.get("/api/v1/sessions")
            #expect(bobs.status == .ok && !bobs.body.contains(solo), "the second account starts empty")
            #expect(try await bob.get("/api/v1/sessions/\(solo)").status == .notFound)
        }
        try await store.tearDown()
    }

    @Test func anonymousRequestsAreSentToSignInOrRefusedWith401() async throws {
        try await withMockLoopApp(.sqlite, config: withAccounts()) { app in
            var anon = Visitor.anonymous(app)
            let page = try await anon.get("/log?page=2")
            #expect(page.status == .seeOther && page.location == "/sign-in?next=%2Flog%3Fpage%3D2")
            let api = try await anon.get("/api/v1/sessions")
            #expect(api.status == .unauthorized && api.json()["error"] as? String == "unauthorized")
            #expect(api.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            let form = try await anon.form("/sessions", [("type", "coding")])
            #expect(form.status == .seeOther && form.location.hasPrefix("/sign-in"), "a form post changes nothing and asks to sign in")
            for open in ["/sign-in", "/sign-up", "/healthz", "/openapi.json", "/css/app.css"] {
                #expect(try await anon.get(open).status == .ok, "\(open) is open")
            }
            let signIn = try await anon.get("/sign-in?next=//evil.example/x")
            #expect(signIn.body.contains("name=\"next\" value=\"/\""), "only a path on this site is followed after sign-in")
        }
    }

    @Test func signInAnswersTheSameWordsWhetherOrNotTheEmailHasAnAccountAndAlwaysChecksAHash() async throws {
        try await withMockLoopApp(.sqlite, config: withAccounts()) { app in
            _ = try await Visitor.signUp(app, "ann@example.org")
            let hasher = try #require(app.mockLoopServices?.passwords)
            var anon = Visitor.anonymous(app)
            let before = hasher.checkCount
            let unknown = try await anon.form("/sign-in", [("email", "nobody@example.org"), ("password", Self.password)])
            #expect(hasher.checkCount == before + 1, "an unknown email still costs one password check")
            let wrong = try await anon.form("/sign-in", [("email", "ann@example.org"), ("password", "not the password at all")])
            #expect(hasher.checkCount == before + 2)
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            func words(_ a: Visitor.Answer) -> String {
                a.body.replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression)
            }
            #expect(words(unknown) == words(wrong), "the pages differ only in the typed values")
            #expect(unknown.body.contains(AccountService.signInRefusal.htmlEscaped()))
            #expect(!wrong.body.contains("not the password"), "a password is never sent back")
        }
    }

    @Test(arguments: TestDatabase.available)
    func failedSignInsAreThrottledPerAccountAndPerAddress(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts(failures: 3)) { app in
            _ = try await Visitor.signUp(app, "ann@example.org")
            var anon = Visitor.anonymous(app)
            for _ in 0..<3 {
                #expect(
                    try await anon.form("/sign-in", [("email", "ann@example.org"), ("password", "wrong password 123")]).status
                        == .unauthorized)
            }
            let locked = try await anon.form("/sign-in", [("email", "ann@example.org"), ("password", Self.password)])
            #expect(locked.status == .tooManyRequests, "the right password waits too, once the account is at its limit")
            let wait = Int(locked.headers.first(name: .retryAfter) ?? "") ?? 0
            #expect(wait > 0 && wait <= 15 * 60)
            #expect(locked.body.contains("Too many failed sign-ins"))
            #expect(anon.signIn == nil)
            let api = try await anon.get("/api/v1/sessions")
            #expect(api.status == .unauthorized)
        }
        // Per address: different emails from one address add up.
        try await withMockLoopApp(db, config: withAccounts(failures: 3)) { app in
            var anon = Visitor.anonymous(app)
            for n in 0..<3 {
                _ = try await anon.form("/sign-in", [("email", "guess\(n)@example.org"), ("password", "wrong password 123")])
            }
            let next = try await anon.form("/sign-in", [("email", "guess9@example.org"), ("password", "wrong password 123")])
            #expect(next.status == .tooManyRequests)
        }
    }

    @Test func theSignInCookieIsHttpOnlyLaxAndSecureBehindHttps() async throws {
        try await withMockLoopApp(.sqlite, config: withAccounts()) { app in
            var v = Visitor.anonymous(app)
            let up = try await v.form("/sign-up", [("email", "ann@example.org"), ("name", "Ann"), ("password", Self.password)])
            let cookie = try #require(up.headers[.setCookie].first { $0.hasPrefix("mockloop_signin=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
        }
        let https: (inout AppConfig) -> Void = {
            withAccounts()(&$0)
            $0.publicURL = URL(string: "https://mocks.example.org")
        }
        try await withMockLoopApp(.sqlite, config: https) { app in
            var v = Visitor.anonymous(app)
            let up = try await v.form("/sign-up", [("email", "ann@example.org"), ("name", "Ann"), ("password", Self.password)])
            let cookie = try #require(up.headers[.setCookie].first { $0.hasPrefix("mockloop_signin=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func signUpRefusesWeakPasswordsAndTakenEmailsBesideTheirFieldsKeepingWhatWasTyped() async throws {
        try await withMockLoopApp(.sqlite, config: withAccounts()) { app in
            var v = Visitor.anonymous(app)
            for weak in ["short pass", "password123456", "qwerty123456!", "aaaaaaaaaaaaaa", "ann@example.org!"] {
                let a = try await v.form("/sign-up", [("email", "ann@example.org"), ("name", "Ann Lee"), ("password", weak)])
                #expect(a.status == .unprocessableEntity, "\(weak)")
                #expect(a.body.contains("id=\"err-password\""), "\(weak)")
                #expect(a.body.contains("value=\"ann@example.org\"") && a.body.contains("value=\"Ann Lee\""))
                #expect(!a.body.contains(weak.htmlEscaped()) || weak == "ann@example.org!", "the password is not sent back")
            }
            let bad = try await v.form("/sign-up", [("email", "not-an-email"), ("name", ""), ("password", Self.password)])
            #expect(bad.body.contains("id=\"err-email\"") && bad.body.contains("id=\"err-name\""))
            _ = try await Visitor.signUp(app, "ann@example.org")
            var w = Visitor.anonymous(app)
            let taken = try await w.form("/sign-up", [("email", "ANN@example.org"), ("name", "Other"), ("password", Self.password)])
            #expect(taken.status == .conflict && taken.body.contains("already has an account"))
        }
    }

    @Test func signUpFollowsThePolicyAfterTheFirstAccount() async throws {
        let invite: (inout AppConfig) -> Void = {
            withAccounts()(&$0)
            $0.accounts?.signUp = .closed
        }
        try await withMockLoopApp(.sqlite, config: invite) { app in
            _ = try await Visitor.signUp(app, "admin@example.org")
            var v = Visitor.anonymous(app)
            let page = try await v.get("/sign-up")
            #expect(page.body.contains("made by its admins") && !page.body.contains("action=\"/sign-up\""))
            let refused = try await v.form("/sign-up", [("email", "eve@example.org"), ("name", "Eve"), ("password", Self.password)])
            #expect(refused.status == .forbidden && refused.body.contains("Sign-up is closed"))
        }
    }

    @Test func devicesAreListedAndEachCanBeSignedOutButNoOneElses() async throws {
        try await withMockLoopApp(.sqlite, config: withAccounts()) { app in
            var laptop = try await Visitor.signUp(app, "ann@example.org")
            var phone = try await Visitor.signIn(app, "ann@example.org")
            let devices = try await laptop.get("/api/v1/account/devices").jsonArray()
            #expect(devices.count == 2 && devices.filter { $0["current"] as? Bool == true }.count == 1)
            let phoneID = try #require(devices.first { $0["current"] as? Bool == false }?["id"] as? String)
            var bob = try await Visitor.signUp(app, "bob@example.org")
            #expect(try await bob.send(.DELETE, "/api/v1/account/devices/\(phoneID)").status == .notFound)
            #expect(try await phone.get("/api/v1/account").status == .ok, "Bob could not sign Ann's phone out")
            let settings = try await laptop.get("/settings")
            #expect(settings.body.contains("this device") && settings.body.contains("/settings/devices/\(phoneID)/revoke"))
            let revoked = try await laptop.form("/settings/devices/\(phoneID)/revoke", [])
            #expect(revoked.status == .seeOther)
            #expect(try await phone.get("/api/v1/account").status == .unauthorized)
            #expect(try await laptop.get("/api/v1/account").status == .ok)
            _ = try await laptop.form("/sign-out/everywhere", [])
            #expect(try await laptop.get("/api/v1/account").status == .unauthorized)
            #expect(laptop.signIn == nil, "the cookie is cleared")
        }
    }

    @Test(arguments: TestDatabase.available)
    func idleAndExpiredSignInsEnd(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            let ann = try await Visitor.signUp(app, "ann@example.org")
            let other = try await Visitor.signIn(app, "ann@example.org")
            let rows = try await SignInModel.query(on: app.db).all()
            #expect(rows.count == 2)
            rows[0].lastSeenAt = Date().addingTimeInterval(-15 * 86400)
            rows[1].expiresAt = Date().addingTimeInterval(-1)
            for row in rows { try await row.save(on: app.db) }
            for var v in [ann, other] {
                let page = try await v.get("/log")
                #expect(page.status == .seeOther && page.location.hasPrefix("/sign-in"))
                #expect(
                    page.headers[.setCookie].contains {
                        $0.hasPrefix("mockloop_signin=;") || $0.hasPrefix("mockloop_signin=\"\"") || $0.contains("Max-Age=0")
                    })
            }
            #expect(try await SignInModel.query(on: app.db).count() == 0, "ended sign-ins are removed")
            var again = try await Visitor.signIn(app, "ann@example.org")
            #expect(try await again.get("/log").status == .ok)
        }
    }

    @Test func changingThePasswordChecksTheCurrentOneAndSignsOtherDevicesOut() async throws {
        try await withMockLoopApp(.sqlite, config: withAccounts()) { app in
            var laptop = try await Visitor.signUp(app, "ann@example.org")
            var phone = try await Visitor.signIn(app, "ann@example.org")
            let wrong = try await laptop.form("/settings/password", [("current", "not it at all"), ("password", "a brand new passphrase")])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("id=\"err-current\""))
            let weak = try await laptop.form("/settings/password", [("current", Self.password), ("password", "password2024")])
            #expect(weak.status == .unprocessableEntity && weak.body.contains("id=\"err-password\""))
            let done = try await laptop.form("/settings/password", [("current", Self.password), ("password", "a brand new passphrase")])
            #expect(done.status == .seeOther)
            #expect(try await laptop.get("/api/v1/account").status == .ok, "this device stays signed in")
            #expect(try await phone.get("/api/v1/account").status == .unauthorized, "the other device is signed out")
            _ = try await Visitor.signIn(app, "ann@example.org", password: "a brand new passphrase")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aOneTimeLinkSetsThePasswordOnce(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            _ = try await Visitor.signUp(app, "admin@example.org")
            let services = try #require(app.mockLoopServices)
            let made = try await services.accounts(db: app.db).create(email: "Cara@Example.org", name: nil, admin: false, issuedBy: nil)
            var cara = Visitor.anonymous(app)
            #expect(try await cara.form("/sign-in", [("email", "cara@example.org"), ("password", Self.password)]).status == .unauthorized)
            let page = try await cara.get("/password/\(made.link)")
            #expect(page.status == .ok && page.body.contains("cara@example.org") && page.body.contains("Choose your password"))
            let weak = try await cara.form("/password/\(made.link)", [("password", "short")])
            #expect(weak.status == .unprocessableEntity && weak.body.contains("id=\"err-password\""))
            let set = try await cara.form("/password/\(made.link)", [("password", Self.password)])
            #expect(set.status == .seeOther && set.location.hasPrefix("/sign-in?set=1"))
            _ = try await Visitor.signIn(app, "cara@example.org")
            #expect(try await cara.get("/password/\(made.link)").status == .notFound, "a link works once")
            #expect(try await cara.form("/password/\(made.link)", [("password", "another long passphrase")]).status == .notFound)
            #expect(try await cara.get("/password/\(SecretToken.make())").status == .notFound)
        }
    }
}

/// Deleting an account takes everything of it, in one transaction, after the email is typed.
@Suite struct AccountDeletionTests {
    static func count(_ app: Application, _ table: String, _ column: String, _ user: UUID) async throws -> Int {
        let sql = app.db as! SQLDatabase
        return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .where(SQLIdentifier(column), .equal, SQLBind(user)).first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test(arguments: TestDatabase.available)
    func deletingAnAccountRemovesEverythingOfItAndNothingElse(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var admin = try await Visitor.signUp(app, "admin@example.org")
            var ann = try await Visitor.signUp(app, "ann@example.org")
            let annMe = try await ann.get("/api/v1/account").json()
            let adminMe = try await admin.get("/api/v1/account").json()
            let annID = try #require(UUID(uuidString: annMe["id"] as? String ?? ""))
            let adminID = try #require(UUID(uuidString: adminMe["id"] as? String ?? ""))
            for v in [admin, ann] {
                var v = v
                let made = try await v.json(.POST, "/api/v1/sessions", ["type": "coding", "mode": "peer"])
                let id = made.json()["id"] as? String ?? ""
                _ = try await v.json(.POST, "/api/v1/sessions/\(id)/scores", ["interviewer": ["clarification": ["score": 2]]])
                _ = try await v.json(
                    .POST, "/api/v1/questions", ["title": "Mine", "type": "behavioral", "difficulty": "hard", "prompt": "Tell me."])
                _ = try await v.json(.POST, "/api/v1/rubrics/coding/clone", ["name": "Mine"])
                _ = try await v.json(.PUT, "/api/v1/target", ["tier": "tier1", "level": "staff", "types": ["coding"]])
            }
            #expect(try await Self.count(app, "sessions", "user_id", annID) == 1)
            #expect(try await Self.count(app, "questions", "owner_id", annID) == 1)

            let wrong = try await ann.form("/settings/delete-account", [("confirm", "someone@example.org")])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("id=\"err-confirm\""))
            #expect(try await Self.count(app, "sessions", "user_id", annID) == 1, "nothing went without the email")

            let done = try await ann.form("/settings/delete-account", [("confirm", "ANN@example.org")])
            #expect(done.status == .seeOther && done.location == "/sign-in?deleted=1")
            for (table, column) in [
                ("sessions", "user_id"), ("insight_days", "user_id"), ("targets", "user_id"), ("sign_ins", "user_id"),
                ("questions", "owner_id"), ("rubrics", "owner_id"), ("users", "id"),
            ] {
                #expect(try await Self.count(app, table, column, annID) == 0, "\(table) of the deleted account")
                #expect(try await Self.count(app, table, column, adminID) == 1, "\(table) of the other account stays")
            }
            #expect(try await ann.get("/api/v1/account").status == .unauthorized)
            await #expect(throws: Abort.self) { _ = try await Visitor.signIn(app, "ann@example.org") }

            let only = try await admin.form("/settings/delete-account", [("confirm", "admin@example.org")])
            #expect(only.status == .conflict && only.body.contains("only admin"), "the last admin stays")
            #expect(try await Self.count(app, "users", "id", adminID) == 1)
        }
    }
}

/// Personal access tokens: shown once, read or read-write, ended by expiry or revocation.
@Suite struct AccessTokenWebTests {
    @Test(arguments: TestDatabase.available)
    func aTokenOpensTheAPIWithinItsScopeUntilItEndsAndNeverThePages(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var ann = try await Visitor.signUp(app, "ann@example.org")
            let bad = try await ann.form("/settings/tokens", [("name", ""), ("scope", "admin"), ("days", "3")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("id=\"err-name\"") && bad.body.contains("id=\"err-scope\"") && bad.body.contains("id=\"err-days\""))
            let made = try await ann.form("/settings/tokens", [("name", "laptop CLI"), ("scope", "read"), ("days", "30")])
            let read = try #require(made.body.firstMatch(of: #/id="new-token">(mlt_[A-Za-z0-9_-]{43})</#).map { String($0.1) })
            #expect(try await !ann.get("/settings").body.contains(read), "a token is shown once")
            let write = try #require(
                try await ann.json(.POST, "/api/v1/account/tokens", ["name": "script", "scope": "read-write"]).json()["token"] as? String)

            var cli = Visitor.anonymous(app)
            cli.bearer = read
            #expect(try await cli.get("/api/v1/sessions").status == .ok)
            let refused = try await cli.json(.POST, "/api/v1/sessions", ["type": "coding", "mode": "peer"])
            #expect(refused.status == .forbidden && refused.body.contains("can only read"))
            #expect(try await cli.get("/log").status == .seeOther, "pages never take a token")
            cli.bearer = write
            #expect(try await cli.json(.POST, "/api/v1/sessions", ["type": "coding", "mode": "peer"]).status == .created)
            let listed = try await ann.get("/api/v1/account/tokens").jsonArray()
            #expect(listed.count == 2 && listed.allSatisfy { $0["token"] == nil }, "the list never holds the tokens")
            #expect(listed.contains { $0["lastUsedAt"] != nil }, "use is recorded")

            let rows = try await AccessTokenModel.query(on: app.db).filter(\.$scope == "read").all()
            rows[0].expiresAt = Date().addingTimeInterval(-1)
            try await rows[0].save(on: app.db)
            cli.bearer = read
            let expired = try await cli.get("/api/v1/sessions")
            #expect(expired.status == .unauthorized && expired.body.contains("expired or revoked"))

            let writeID = try #require(listed.first { $0["scope"] as? String == "read-write" }?["id"] as? String)
            #expect(try await ann.form("/settings/tokens/\(writeID)/revoke", []).status == .seeOther)
            cli.bearer = write
            #expect(try await cli.get("/api/v1/sessions").status == .unauthorized, "a revoked token")
            cli.bearer = "mlt_" + String(repeating: "A", count: 43)
            #expect(try await cli.get("/api/v1/sessions").status == .unauthorized, "an unknown token")
        }
    }
}
