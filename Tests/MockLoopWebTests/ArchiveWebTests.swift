import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing
import Vapor
import VaporTesting

/// Everything of mine leaves a solo instance through the API and arrives in a group instance
/// through the page's upload, under the new account, with that instance's ids; a bad file is
/// refused with the reason beside the field and nothing imported.
@Suite struct ArchiveWebTests {
    @Test(arguments: TestDatabase.available)
    func aSoloLogMovesIntoAnAccountOnAnotherInstance(_ db: TestDatabase) async throws {
        var file = Data()
        var oldID = ""
        try await withMockLoopApp(.sqlite) { solo in
            oldID = try await APITests.createSession(solo, LogStatusTests.scored).lowercased()
            try await solo.testing().test(.GET, "/api/v1/archive") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .json)
                #expect(res.headers.first(name: .contentDisposition)?.contains("attachment; filename=\"mockloop-archive-") == true)
                file = Data(buffer: res.body)
            }
            try await solo.testing().test(.GET, "/settings") { res in
                #expect(res.body.string.contains("href=\"/archive\""), "settings lead to the archive")
            }
        }
        let archive = try AccountArchive.decode(file)
        #expect(archive.sessions.map { $0.entry.id.uuidString.lowercased() } == [oldID])
        #expect(archive.sessions.first?.entry.scores.interviewerScores["quantified_outcomes"]?.note == "=no numbers, at all")

        try await withMockLoopApp(db, config: withAccounts()) { group in
            var bob = try await Visitor.signUp(group, "bob@example.org", name: "Bob")
            let (h, b) = RequestBody.upload(file: "file", name: "mockloop-archive.json", data: file)
            let first = try await bob.send(.POST, "/archive", headers: h, body: b)
            #expect(first.status == .ok)
            #expect(first.body.contains("Imported 1 session (0 already present)"), "\(first.body.prefix(400))")
            let sessions = try await bob.get("/api/v1/sessions").json()["entries"] as? [[String: Any]] ?? []
            let newID = (sessions.first?["id"] as? String)?.lowercased()
            #expect(sessions.count == 1 && newID != nil && newID != oldID, "the session is Bob's, under a new id")
            #expect(try await bob.get("/log").body.contains("Ana"), "the log page shows it")

            let again = try await bob.send(.POST, "/archive", headers: h, body: b)
            #expect(again.body.contains("Imported 0 sessions (1 already present)"))

            var ann = try await Visitor.signUp(group, "ann@example.org", name: "Ann")
            #expect(!(try await ann.get("/api/v1/archive").body.contains("Ana")), "another account's archive holds none of it")
        }
    }

    @Test func aBadFileIsRefusedWithItsReasonAndNothingImported() async throws {
        try await withMockLoopApp(.sqlite) { app in
            var me = Visitor.anonymous(app)
            let newer = try await me.json(.POST, "/api/v1/archive", ["mockloopArchive": 2])
            #expect(newer.status == .unprocessableEntity)
            #expect(newer.body.contains("newer than this MockLoop reads (1): update MockLoop"))
            let stranger = try await me.json(.POST, "/api/v1/archive", ["sessions": []])
            #expect(stranger.status == .unprocessableEntity && stranger.body.contains("is not a MockLoop archive"))
            var plain = HTTPHeaders()
            plain.contentType = .plainText
            let text = try await me.send(.POST, "/api/v1/archive", headers: plain, body: ByteBuffer(string: "{}"))
            #expect(text.status == .unsupportedMediaType)

            let broken =
                #"{"mockloopArchive": 1, "exportedAt": "2026-11-30T07:00:00.000Z", "profile": {"name": "x"}, "rubricChoices": {}, "runs": [], "sessions": [{"importKey": "id:1", "runs": [], "entry": {"type": "coding"}}]}"#
            let (h, b) = RequestBody.upload(file: "file", name: "old.json", data: Data(broken.utf8))
            let page = try await me.send(.POST, "/archive", headers: h, body: b)
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("id=\"err-file\""), "the problem sits beside the file field")
            #expect(page.body.contains("old.json: sessions[0].entry."), "it names the file and the place in it")
            let (eh, eb) = RequestBody.upload(file: "file", name: "empty.json", data: Data())
            let empty = try await me.send(.POST, "/archive", headers: eh, body: eb)
            #expect(empty.status == .unprocessableEntity && empty.body.contains("choose the archive file"))
            #expect(try await me.get("/api/v1/sessions").json()["total"] as? Int == 0)
        }
    }
}
