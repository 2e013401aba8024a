import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import Testing
import VaporTesting

/// Timed AI mocks through the API, on both databases: a whole coding mock with a hint, a pause,
/// a reload, a real sandboxed run and the result in the log; quitting; bad input.
@Suite struct PracticeAPITests {
    static func json(_ res: TestingHTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:]
    }

    static func turns(_ view: [String: Any]) -> [[String: Any]] { view["turns"] as? [[String: Any]] ?? [] }

    /// POSTs and returns the decoded body, expecting `status`.
    static func post(
        _ app: Application, _ path: String, _ fields: [String: Any] = [:], status: HTTPStatus = .ok
    ) async throws -> [String: Any] {
        let (h, b) = RequestBody.json(fields)
        var out: [String: Any] = [:]
        try await app.testing().test(.POST, path, headers: h, body: b) { res in
            #expect(res.status == status, "\(path): \(res.body.string.prefix(400))")
            out = Self.json(res)
        }
        return out
    }

    static func get(_ app: Application, _ path: String) async throws -> [String: Any] {
        var out: [String: Any] = [:]
        try await app.testing().test(.GET, path) { res in
            #expect(res.status == .ok, "\(path): \(res.body.string.prefix(400))")
            out = Self.json(res)
        }
        return out
    }

    @Test(arguments: TestDatabase.available)
    func aWholeCodingMockLandsInTheLog(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            let started = try await Self.post(
                app, "/api/v1/practice", ["type": "coding", "questionId": "balanced-brackets", "seed": 3, "minutes": 45], status: .created)
            let id = try #require(started["id"] as? String)
            let base = "/api/v1/practice/\(id)"
            #expect(started["status"] as? String == "active")
            #expect((started["phases"] as? [Any])?.count == 5)
            #expect(Self.turns(started).first?["kind"] as? String == "question")
            #expect((started["clock"] as? [String: Any])?["totalSeconds"] as? Double == 2700)
            #expect((started["rubric"] as? [Any])?.count == 6, "the rubric comes with the session")

            let answered = try await Self.post(
                app, "\(base)/answers",
                [
                    "text":
                        "I'd push every opening bracket on a stack and pop when a closing one comes, checking that the pair matches, and at the end the stack must be empty."
                ])
            let rules = Self.turns(answered).compactMap { $0["rule"] as? String }
            #expect(rules.contains("no_clarifying"), "\(rules)")
            #expect(rules.contains("complexity"), "\(rules)")

            let hinted = try await Self.post(app, "\(base)/hint")
            #expect(hinted["hintsUsed"] as? Int == 1)
            #expect((Self.turns(hinted).last?["text"] as? String)?.hasPrefix("Hint 1 of") == true)

            let paused = try await Self.post(app, "\(base)/pause")
            #expect(paused["status"] as? String == "paused")
            _ = try await Self.post(app, "\(base)/pause", status: .conflict)
            let reloaded = try await Self.get(app, base)
            #expect(Self.turns(reloaded).count == Self.turns(paused).count, "a reload resumes with every turn")
            #expect((reloaded["clock"] as? [String: Any])?["paused"] as? Bool == true)
            let resumed = try await Self.post(app, "\(base)/resume")
            #expect(resumed["status"] as? String == "active")

            let ran = try await Self.post(app, "\(base)/run", ["language": "python", "code": RunAPITests.solution])
            let run = try #require((ran["runs"] as? [[String: Any]])?.first)
            #expect(run["verdict"] as? String == "accepted")
            #expect(run["passed"] as? Int == run["total"] as? Int)
            #expect(ran["code"] as? String == RunAPITests.solution, "the code is kept with the session")

            let done = try await Self.post(app, "\(base)/finish")
            #expect(done["status"] as? String == "finished")
            let result = try #require(done["result"] as? [String: Any])
            #expect(result["label"] as? String == "AI score")
            let dims = result["dimensions"] as? [[String: Any]] ?? []
            let execution = dims.first { $0["key"] as? String == "coding_execution" }
            #expect(execution?["aiScore"] as? Int == 3)
            #expect(((execution?["evidence"] as? [[String: Any]])?.first?["text"] as? String)?.contains("passed") == true)
            #expect((result["retro"] as? [String: Any])?["priorityFix"] != nil)
            #expect((result["pauseNote"] as? String)?.contains("real interviews don't pause") == true)

            let session = try await Self.get(app, "/api/v1/sessions/\(id)")
            #expect(session["mode"] as? String == "ai")
            #expect(session["status"] as? String == "completed")
            let scores = (session["scores"] as? [String: Any])?["interviewerScores"] as? [String: Any] ?? [:]
            #expect((scores["coding_execution"] as? [String: Any])?["score"] as? Int == 3)
            #expect((session["scores"] as? [String: Any])?["pauses"] as? Int == 1)
            #expect((session["scores"] as? [String: Any])?["hintsUsed"] as? Int == 1)
            let analysis = try await Self.get(app, "/api/v1/sessions/\(id)/transcript/analysis")
            #expect((analysis["words"] as? Int ?? 0) >= 25, "the transcript is stored and analysed")
            _ = try await Self.post(app, "\(base)/answers", ["text": "one more thing"], status: .conflict)
            let runs = try await Self.get(app, "/api/v1/runs?sessionId=\(id)")
            #expect((runs["runs"] as? [Any])?.count == 1, "the run is recorded against the session")
        }
    }

    @Test(arguments: TestDatabase.available)
    func quittingKeepsEverythingAsAbandoned(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            let started = try await Self.post(app, "/api/v1/practice", ["type": "behavioral", "seed": 11], status: .created)
            let id = try #require(started["id"] as? String)
            #expect(started["prompts"] as? Int == 3)
            let story = "At my last job our on-call rota burned people out and <b>nobody</b> owned the fixes."
            _ = try await Self.post(app, "/api/v1/practice/\(id)/answers", ["text": story])
            let quit = try await Self.post(app, "/api/v1/practice/\(id)/quit")
            #expect(quit["status"] as? String == "abandoned")
            #expect(quit["result"] == nil || quit["result"] is NSNull)
            let session = try await Self.get(app, "/api/v1/sessions/\(id)")
            #expect(session["status"] as? String == "abandoned")
            #expect(session["mode"] as? String == "ai")
            try await app.testing().test(.GET, "/practice/\(id)") { res in
                #expect(res.body.string.contains("Abandoned"))
                #expect(res.body.string.contains("&lt;b&gt;nobody&lt;/b&gt;"), "user text is escaped")
                #expect(!res.body.string.contains("<b>nobody</b>"))
            }
            _ = try await Self.post(app, "/api/v1/practice/\(id)/quit", status: .conflict)
        }
    }

    @Test func badInputIsRefusedNamingTheField() async throws {
        try await withMockLoopApp(.sqlite) { app in
            for (body, field) in [
                (["type": "api_design"], "type"), (["type": "coding", "minutes": 5], "minutes"),
                (["type": "cooking"], "type"), (["type": "coding", "questionId": "no-such"], "questionId"),
                (["type": "coding", "questionId": "influence-cross-team-standard"], "questionId"),
                (["type": "coding", "language": "cobol"], "language"),
            ] as [([String: Any], String)] {
                let res = try await Self.post(app, "/api/v1/practice", body, status: .unprocessableEntity)
                #expect((res["fields"] as? [String: Any])?[field] != nil, "\(body): \(res)")
            }
            let started = try await Self.post(app, "/api/v1/practice", ["type": "coding", "seed": 1], status: .created)
            let id = try #require(started["id"] as? String)
            let empty = try await Self.post(app, "/api/v1/practice/\(id)/answers", ["text": "   "], status: .unprocessableEntity)
            #expect((empty["fields"] as? [String: Any])?["text"] != nil)
            let source = try await Self.post(
                app, "/api/v1/practice/\(id)/answers", ["text": "hi", "source": "telepathy"], status: .unprocessableEntity)
            #expect((source["fields"] as? [String: Any])?["source"] != nil)
            let noCode = try await Self.post(app, "/api/v1/practice/\(id)/run", ["code": ""], status: .unprocessableEntity)
            #expect((noCode["fields"] as? [String: Any])?["code"] != nil)
            _ = try await Self.post(app, "/api/v1/practice/\(id)/dance", status: .notFound)
            _ = try await Self.post(app, "/api/v1/practice/\(UUID().uuidString)/hint", status: .notFound)
            let unchanged = try await Self.get(app, "/api/v1/practice/\(id)")
            #expect(Self.turns(unchanged).count == 1, "refused requests change nothing")
        }
    }

    @Test func setupPageShowsTheRubricFirstAndTheFormStartsTheClock() async throws {
        try await withMockLoopApp(.sqlite) { app in
            try await app.testing().test(.GET, "/practice?type=system_design") { res in
                let html = res.body.string
                #expect(html.contains("You will be scored on"))
                #expect(html.contains("Capacity estimation"))
                #expect(html.contains("Before you start"))
                #expect(html.contains("Requirements 0–5 min"))
            }
            let (h, b) = RequestBody.form([
                ("type", "coding"), ("minutes", "30"), ("questionId", "balanced-brackets"), ("seed", "5"), ("language", "python"),
            ])
            var location = ""
            try await app.testing().test(.POST, "/practice", headers: h, body: b) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/practice/"))
            try await app.testing().test(.GET, location) { res in
                #expect(res.body.string.contains("data-state=\""))
                #expect(res.body.string.contains("/js/practice.js"))
                #expect(res.body.string.contains("Check that brackets are balanced"))
            }
            let (h2, b2) = RequestBody.form([("type", "coding"), ("minutes", "abc")])
            try await app.testing().test(.POST, "/practice", headers: h2, body: b2) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("minutes"))
            }
        }
    }
}
