import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing
import VaporTesting

/// Deleting from the pages and the API: the session goes, the log says so; built-ins and
/// rubrics in use stay, with the reason in words.
@Suite struct DeletionWebTests {
    @Test func deleteASessionAQuestionAndARubricClone() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let id = try await APITests.createSession(app, LogStatusTests.scored).lowercased()
            let (h, b) = RequestBody.form([])
            try await app.testing().test(.POST, "/sessions/\(id)/delete", headers: h, body: b) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/log?deleted=1")
            }
            try await app.testing().test(.GET, "/log?deleted=1") { res in
                let html = res.body.string
                #expect(html.contains("Session deleted, with its scores, retro, transcript and code runs."))
                #expect(html.contains("0 sessions") && !html.contains(id))
                #expect(!html.contains("deleted=1\""), "the notice is not carried into the export links")
            }
            try await app.testing().test(.GET, "/sessions/\(id)") { res in #expect(res.status == .notFound) }
            try await app.testing().test(.DELETE, "/api/v1/sessions/\(id)") { res in #expect(res.status == .notFound) }

            let (qh, qb) = RequestBody.json(["title": "My own", "type": "coding", "difficulty": "easy", "prompt": "Do it."])
            try await app.testing().test(.POST, "/api/v1/questions", headers: qh, body: qb) { res in #expect(res.status == .created) }
            try await app.testing().test(.GET, "/questions/my-own") { res in
                #expect(res.body.string.contains("action=\"/questions/my-own/delete\""), "one's own question can be deleted")
            }
            try await app.testing().test(.GET, "/questions/balanced-brackets") { res in
                #expect(!res.body.string.contains("/delete\""), "a built-in one offers no delete")
            }
            try await app.testing().test(.DELETE, "/api/v1/questions/balanced-brackets") { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("built-in questions cannot be deleted"))
            }
            try await app.testing().test(.DELETE, "/api/v1/questions/my-own") { res in #expect(res.status == .noContent) }
            try await app.testing().test(.GET, "/api/v1/questions/my-own") { res in #expect(res.status == .notFound) }

            let (ch, cb) = RequestBody.form([("name", "Clone in use")])
            try await app.testing().test(.POST, "/rubrics/coding/clone", headers: ch, body: cb) { res in #expect(res.status == .seeOther) }
            _ = try await APITests.createSession(app, #"{"type": "coding", "mode": "peer", "rubricId": "clone-in-use"}"#)
            let (dh, db) = RequestBody.form([])
            try await app.testing().test(.POST, "/rubrics/clone-in-use/delete", headers: dh, body: db) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("is used by 1 session: their scores are read against it, so it stays"))
            }
        }
    }
}
