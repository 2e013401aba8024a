import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import Testing
import VaporTesting

/// Share links: a rubric, a partner kit whose scoring form becomes the session's interviewer
/// scores once, a scorecard; openings recorded; expiry and revocation end a link.
@Suite struct ShareWebTests {
    static func link(_ a: Visitor.Answer) -> String? {
        a.body.firstMatch(of: #/id="share-link">http://[^/]+(/shared/mls_[A-Za-z0-9_-]{43})</#).map { String($0.1) }
    }

    @Test(arguments: TestDatabase.available)
    func aRubricLinkOpensOnlyThatRubricUntilItEndsAndEveryOpeningIsListed(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var ann = try await Visitor.signUp(app, "ann@example.org", name: "Ann")
            var bob = try await Visitor.signUp(app, "bob@example.org", name: "Bob")
            let made = try await ann.form("/rubrics/coding/share", [("expires", "86400")])
            #expect(made.status == .created)
            let path = try #require(Self.link(made))
            #expect(path.count >= "/shared/mls_".count + 43, "256 random bits")
            var anon = Visitor.anonymous(app)
            let page = try await anon.get(path)
            #expect(page.status == .ok && page.body.contains("Clarification") && page.body.contains("Score sheet"))
            #expect(!page.body.contains("Sign out"), "no account is needed, and nothing of the owner's account shows")
            let markdown = try await anon.get(path + "/markdown")
            #expect(markdown.status == .ok && markdown.body.contains("# ") && markdown.headers.contentType?.subType == "markdown")
            _ = try await bob.get(path)
            let shares = try await ann.get("/shares")
            #expect(
                shares.body.contains("Opened 3 times") && shares.body.contains("someone without an account") && shares.body.contains("Bob"))
            #expect(!shares.body.contains(path), "the link itself is shown once, when made")
            #expect(try await bob.get("/shares").body.contains("No share links yet"), "links are their owner's")

            #expect(try await ann.form("/rubrics/coding/share", [("expires", "60")]).status == .unprocessableEntity, "1 hour at least")
            #expect(try await ann.form("/rubrics/coding/share", [("expires", "\(31 * 86400)")]).status == .unprocessableEntity)

            let rows = try await ShareLinkModel.query(on: app.db).all()
            rows[0].expiresAt = Date().addingTimeInterval(-1)
            try await rows[0].save(on: app.db)
            #expect(try await anon.get(path).status == .notFound, "an expired link is a 404")
            let again = try #require(Self.link(try await ann.form("/rubrics/coding/share", [("expires", "3600")])))
            #expect(try await anon.get(again).status == .ok)
            let id = try #require(try await ShareLinkModel.query(on: app.db).filter(\.$expiresAt > Date()).first()?.id)
            #expect(try await bob.form("/shares/\(id)/revoke", []).status == .notFound, "only the owner revokes")
            #expect(try await ann.form("/shares/\(id)/revoke", []).status == .seeOther)
            #expect(try await anon.get(again).status == .notFound, "a revoked link is a 404")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPartnerScoresThroughTheKitOnceAndTheScoresLandInTheOwnersLog(_ db: TestDatabase) async throws {
        try await withMockLoopApp(db, config: withAccounts()) { app in
            var ann = try await Visitor.signUp(app, "ann@example.org", name: "Ann")
            let plan = try await ann.json(.POST, "/api/v1/sessions", ["type": "coding", "mode": "peer", "questionId": "balanced-brackets"])
            let sessionID = try #require(plan.json()["id"] as? String)
            #expect(
                try await ann.form("/sessions/\(sessionID)/share", [("kind", "scorecard"), ("expires", "86400")]).status == .conflict,
                "a scorecard needs a finished session")
            let path = try #require(
                Self.link(try await ann.form("/sessions/\(sessionID)/share", [("kind", "partner_kit"), ("expires", "604800")])))
            var priya = Visitor.anonymous(app)
            let kit = try await priya.get(path)
            let question = TestDatabase.content.questions.first { $0.id == "balanced-brackets" }!
            #expect(kit.status == .ok && kit.body.contains("you interview Ann"))
            for secret in question.followUps.prefix(1) + question.hints.prefix(1) + question.keyPoints.prefix(1) {
                #expect(kit.body.contains(secret.htmlEscaped()), "the interviewer's material is in the kit")
            }
            let rubric = TestDatabase.content.rubrics.first { $0.type == .coding }!
            var fields = [("score_clarification", "1"), ("note_clarification", "Coded at minute one"), ("name", "Priya")]
            let partial = try await priya.form(path + "/scores", fields + [("stronger", "Ask first")])
            #expect(partial.status == .unprocessableEntity)
            #expect(partial.body.contains("id=\"err-score-communication\"") && partial.body.contains("id=\"err-concerns\""))
            #expect(partial.body.contains("Coded at minute one") && partial.body.contains("value=\"Priya\""), "what was typed is kept")
            fields =
                rubric.dimensions.map { ("score_" + $0.key, $0.key == "clarification" ? "1" : "3") } + [
                    ("note_clarification", "Coded at minute one"), ("name", "Priya"), ("stronger", "Ask about input size first"),
                    ("communication", "Clear, a little fast"), ("concerns", "Would jump to code under pressure"),
                ]
            let sent = try await priya.form(path + "/scores", fields)
            #expect(sent.status == .seeOther && sent.location.hasSuffix("?thanks=1"))
            let entry = try await ann.get("/api/v1/sessions/\(sessionID)").json()
            let scores = (entry["scores"] as? [String: Any])?["interviewerScores"] as? [String: [String: Any]] ?? [:]
            #expect(scores["clarification"]?["score"] as? Int == 1 && scores["clarification"]?["note"] as? String == "Coded at minute one")
            #expect(scores.count == rubric.dimensions.count && entry["interviewer"] as? String == "Priya")
            #expect(entry["status"] as? String == "completed")
            let page = try await ann.get("/sessions/\(sessionID)")
            #expect(
                page.body.contains("Priya scored this session") && page.body.contains("Would jump to code under pressure"))

            let second = try await priya.form(path + "/scores", fields)
            #expect(second.status == .conflict && second.body.contains("first scoring stands"), "once")
            #expect(try await priya.get(path).body.contains("has its scores already"))
            #expect(try await ann.form("/sessions/\(sessionID)/reopen-scoring", []).status == .seeOther)
            #expect(try await priya.form(path + "/scores", fields).status == .seeOther, "reopened, a partner scores again")

            let card = try #require(
                Self.link(try await ann.form("/sessions/\(sessionID)/share", [("kind", "scorecard"), ("expires", "86400")])))
            var mentor = Visitor.anonymous(app)
            let scorecard = try await mentor.get(card)
            #expect(scorecard.status == .ok && scorecard.body.contains("Coded at minute one") && scorecard.body.contains("Scorecard"))
            #expect(!scorecard.body.contains("action=\"/shared/"), "a scorecard is read-only")
            #expect(try await mentor.form(card + "/scores", fields).status == .notFound, "a scorecard's link takes no scores")
        }
    }
}
