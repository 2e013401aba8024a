import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import Testing
import VaporTesting

/// The admin pages: accounts with counts only, disable and enable, the admin role, reset links
/// the user is told about, invites, and the audit log of it all.
@Suite struct AdminWebTests {
    static func id(_ v: inout Visitor) async throws -> String { try await v.get("/api/v1/account").json()["id"] as? String ?? "" }

    @Test(arguments: TestDatabase.available)
    func adminsSeeCountsAndManageAccounts(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var admin = try await Visitor.signUp(app, "admin@example.org", name: "Ada")
            var ann = try await Visitor.signUp(app, "ann@example.org", name: "Ann")
            let annID = try await Self.id(&ann)
            _ = try await ann.json(.POST, "/api/v1/sessions", ["type": "coding", "mode": "peer", "notes": "Quintessa private note"])
            for n in 0..<55 {
                _ = try await AccountRepository(db: app.db).create(
                    email: "member\(n)@example.org", name: "Member \(n)", passwordHash: nil, isAdmin: false)
            }
            let list = try await admin.get("/admin?q=ann")
            #expect(list.status == .ok && list.body.contains("ann@example.org") && !list.body.contains("member1@"))
            let byName = try await admin.get("/admin?q=MEMBER%2012")
            #expect(byName.body.contains("member12@example.org") && !byName.body.contains("ann@"), "names match in any case")
            #expect(list.body.contains("<td data-label=\"Sessions\">1</td>"), "the count is shown")
            #expect(!list.body.contains("Quintessa"), "never the sessions themselves")
            let first = try await admin.get("/admin")
            #expect(first.body.contains("57 accounts") && first.body.contains("page 1 of 2") && first.body.contains("rel=\"next\""))
            let second = try await admin.get("/admin?page=2")
            #expect(second.body.contains("page 2 of 2") && second.body.contains("rel=\"prev\""))

            #expect(try await admin.form("/admin/users/\(annID)/disable", []).status == .seeOther)
            #expect(try await ann.get("/api/v1/account").status == .unauthorized, "a disabled account is signed out")
            var again = Visitor.anonymous(app)
            let refused = try await again.form("/sign-in", [("email", "ann@example.org"), ("password", "violet harbour kite 42")])
            #expect(refused.status == .unauthorized && refused.body.contains(AccountService.signInRefusal.htmlEscaped()))
            #expect(try await admin.form("/admin/users/\(annID)/enable", []).status == .seeOther)
            ann = try await Visitor.signIn(app, "ann@example.org")

            #expect(try await admin.form("/admin/users/\(annID)/promote", []).status == .seeOther)
            #expect(try await ann.get("/admin").status == .ok, "a promoted account reaches the admin pages")
            #expect(try await admin.form("/admin/users/\(annID)/demote", []).status == .seeOther)
            #expect(try await ann.get("/admin").status == .notFound)
            let adminID = try await Self.id(&admin)
            #expect(try await admin.form("/admin/users/\(adminID)/disable", []).status == .conflict, "not oneself")

            let reset = try await admin.form("/admin/users/\(annID)/reset", [])
            let link = try #require(reset.body.firstMatch(of: #/password/([A-Za-z0-9_-]{43})/#).map { String($0.1) })
            #expect(try await ann.get("/").body.contains("An admin issued a password reset link"), "the user is told")
            var fresh = Visitor.anonymous(app)
            #expect(try await fresh.form("/password/\(link)", [("password", "another long passphrase")]).status == .seeOther)
            #expect(try await ann.get("/").status == .seeOther, "the reset signed every device out")
            ann = try await Visitor.signIn(app, "ann@example.org", password: "another long passphrase")
            #expect(try await !ann.get("/").body.contains("An admin issued"), "the notice ends once the link is used")

            let audit = try await admin.get("/admin/audit")
            for action in ["disable", "enable", "promote", "demote", "reset link"] {
                #expect(audit.body.contains("<td data-label=\"Action\">\(action)</td>"), "\(action) is in the audit log")
            }
            #expect(audit.body.contains("admin@example.org") && audit.body.contains("ann@example.org"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func invitesOpenSignUpWhileTheyLast(_ db: TestDatabase) async throws {
        let invite: (inout AppConfig) -> Void = {
            withAccounts()(&$0)
            $0.accounts?.signUp = .invite
        }
        try await withMockLoopApp(db, config: invite) { app in
            var admin = try await Visitor.signUp(app, "admin@example.org")
            var anon = Visitor.anonymous(app)
            func signUp(_ email: String, _ code: String) async throws -> Visitor.Answer {
                try await anon.form(
                    "/sign-up", [("email", email), ("name", "N"), ("password", "violet harbour kite 42"), ("invite", code)])
            }
            let none = try await signUp("eve@example.org", "")
            #expect(none.status == .unprocessableEntity && none.body.contains("id=\"err-invite\""))
            let bad = try await admin.form("/admin/invites", [("uses", "0"), ("days", "200")])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("id=\"err-uses\"") && bad.body.contains("id=\"err-days\""))
            let made = try await admin.form("/admin/invites", [("uses", "2"), ("days", "7"), ("note", "Cohort 5")])
            let code = try #require(made.body.firstMatch(of: #/id="invite-code">(mli_[A-Za-z0-9_-]{43})</#).map { String($0.1) })
            #expect(made.body.contains("/sign-up?invite=\(code)"))
            let page = try await anon.get("/sign-up?invite=\(code)")
            #expect(page.body.contains("value=\"\(code)\""), "the link fills the code in")
            #expect(try await signUp("bea@example.org", code).status == .seeOther)
            let taken = try await signUp("bea@example.org", code)
            #expect(taken.status == .conflict, "a refused sign-up keeps the use")
            #expect(try await signUp("cy@example.org", code).status == .seeOther)
            let spent = try await signUp("dee@example.org", code)
            #expect(spent.status == .unprocessableEntity && spent.body.contains("used up"))

            let other = try await admin.form("/admin/invites", [("uses", "5"), ("days", "1")])
            let code2 = try #require(other.body.firstMatch(of: #/id="invite-code">(mli_[A-Za-z0-9_-]{43})</#).map { String($0.1) })
            let rows = try await InviteModel.query(on: app.db).all()
            let expiring = try #require(rows.first { $0.usesLeft == 5 })
            expiring.expiresAt = Date().addingTimeInterval(-1)
            try await expiring.save(on: app.db)
            #expect(try await signUp("eve@example.org", code2).status == .unprocessableEntity, "an expired invite")
            let list = try await admin.get("/admin/invites")
            #expect(
                list.body.contains("Cohort 5") && list.body.contains("expired") && !list.body.contains(code2), "codes are never shown again"
            )
            let revokeID = try #require(rows.first { $0.usesLeft == 0 }?.id)
            #expect(try await admin.form("/admin/invites/\(revokeID)/revoke", []).status == .seeOther)
            #expect(try await InviteModel.query(on: app.db).count() == 1)
        }
    }
}
