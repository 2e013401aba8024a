import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing
import VaporTesting

@Suite struct APITests {
    static func json(_ text: String) -> (HTTPHeaders, ByteBuffer) {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return (headers, ByteBuffer(string: text))
    }

    static func problem(_ res: TestingHTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:]
    }

    static func createSession(_ app: Application, _ body: String = #"{"type": "coding", "mode": "ai"}"#) async throws -> String {
        var id = ""
        let (h, b) = json(body)
        try await app.testing().test(.POST, "/api/v1/sessions", headers: h, body: b) { res in
            #expect(res.status == .created)
            id = (try? JSONDecoder().decode(LogEntry.self, from: Data(res.body.string.utf8)))?.id.uuidString ?? "missing"
            if id == "missing" {
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                id = try decoder.decode(LogEntry.self, from: Data(res.body.string.utf8)).id.uuidString
            }
        }
        return id
    }

    @Test(arguments: TestDatabase.available)
    func healthzNamesTheDatabase(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            try await app.testing().test(.GET, "/healthz") { res in
                #expect(res.status == .ok)
                let body = Self.problem(res)
                #expect(body["database"] as? String == (kind == .sqlite ? "sqlite" : "postgresql"))
                #expect((body["checks"] as? [String: String])?["database"] == "reachable")
            }
        }
    }

    @Test(arguments: [("0", "1, 2 or 3"), ("4", "1, 2 or 3"), ("\"three\"", "wrong type")])
    func invalidScoresAre422NamingTheField(value: String, problem: String) async throws {
        try await withMockLoopApp(.sqlite) { app in
            let id = try await Self.createSession(app)
            let (h, b) = Self.json(
                #"{"interviewerScores": {"clarification": \#(value)}, "selfScores": {}, "hintsUsed": 0, "pauses": 0, "wentEasy": false}"#)
            try await app.testing().test(.POST, "/api/v1/sessions/\(id)/scores", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                let body = Self.problem(res)
                #expect(body["error"] as? String == "invalid_input")
                let fields = body["fields"] as? [String: String] ?? [:]
                #expect(fields.keys.contains { $0.hasPrefix("interviewerScores.clarification") }, "fields: \(fields)")
                #expect(fields.values.contains { $0.contains(problem) }, "fields: \(fields)")
            }
        }
    }

    @Test func unknownIdsAre404WithAProblemBody() async throws {
        try await withMockLoopApp(.sqlite) { app in
            for path in ["/api/v1/rubrics/nope", "/api/v1/questions/nope", "/api/v1/sessions/\(UUID().uuidString)", "/api/v1/sessions/123"]
            {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .notFound, "\(path)")
                    #expect(Self.problem(res)["error"] as? String == "not_found")
                }
            }
            let (h, b) = Self.json(#"{"interviewerScores": {"clarification": 2}}"#)
            try await app.testing().test(.POST, "/api/v1/sessions/\(UUID().uuidString)/scores", headers: h, body: b) { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func retroAllowsExactlyOnePriorityFix(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            let id = try await Self.createSession(
                app,
                #"{"type": "behavioral", "mode": "peer", "scores": {"interviewerScores": {"quantified_outcomes": 1}, "selfScores": {}, "hintsUsed": 0, "pauses": 0, "wentEasy": false}}"#
            )
            let two =
                #"{"wentWell": "Clear", "wentWrong": "No numbers", "priorityFixes": [{"dimension": "quantified_outcomes", "text": "Numbers"}, {"dimension": "scope_of_impact", "text": "Scope"}], "drill": "Rewrite 3 stories with metrics"}"#
            let (h, b) = Self.json(two)
            try await app.testing().test(.POST, "/api/v1/sessions/\(id)/retro", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                #expect((Self.problem(res)["fields"] as? [String: String])?["priorityFix"]?.contains("exactly one") == true)
            }
            let one =
                #"{"wentWell": "Clear", "wentWrong": "No numbers", "priorityFix": {"dimension": "quantified_outcomes", "text": "Lead with the number"}, "drill": "Rewrite 3 stories with metrics"}"#
            let (h1, b1) = Self.json(one)
            try await app.testing().test(.POST, "/api/v1/sessions/\(id)/retro", headers: h1, body: b1) { res in
                #expect(res.status == .created)
                #expect(res.body.string.contains("Lead with the number"))
            }
            try await app.testing().test(.POST, "/api/v1/sessions/\(id)/retro", headers: h1, body: b1) { res in
                #expect(res.status == .conflict)
                #expect((Self.problem(res)["message"] as? String)?.contains("one priority fix") == true)
            }
            let (h2, b2) = Self.json(#"{"done": true}"#)
            try await app.testing().test(.POST, "/api/v1/sessions/\(id)/retro/drill", headers: h2, body: b2) { res in
                #expect(res.status == .ok && res.body.string.contains("\"done\":true"))
            }
        }
    }

    @Test func retroBeforeScoresIsRefused() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let id = try await Self.createSession(app)
            let (h, b) = Self.json(
                #"{"wentWell": "a", "wentWrong": "b", "priorityFix": {"dimension": "clarification", "text": "c"}, "drill": "Do 5 katas"}"#)
            try await app.testing().test(.POST, "/api/v1/sessions/\(id)/retro", headers: h, body: b) { res in
                #expect(res.status == .conflict)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func logListExportAndImport(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            for i in 0..<3 {
                _ = try await Self.createSession(
                    app,
                    #"{"type": "coding", "mode": "peer", "interviewer": "Ana \#(i)", "questionTitle": "Q\#(i)", "date": "2026-10-0\#(i + 1)T10:00:00Z", "scores": {"interviewerScores": {"clarification": \#(i + 1)}, "selfScores": {}, "hintsUsed": 0, "pauses": 0, "wentEasy": false}}"#
                )
            }
            try await app.testing().test(.GET, "/api/v1/sessions?limit=2&sort=date&order=asc") { res in
                let page = Self.problem(res)
                #expect(page["total"] as? Int == 3)
                #expect(((page["entries"] as? [[String: Any]]) ?? []).compactMap { $0["questionTitle"] as? String } == ["Q0", "Q1"])
            }
            try await app.testing().test(.GET, "/api/v1/sessions?limit=0") { res in #expect(res.status == .unprocessableEntity) }
            try await app.testing().test(.GET, "/api/v1/sessions?type=cooking") { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("type"))
            }
            var csv = ""
            try await app.testing().test(.GET, "/api/v1/log/export?format=csv") { res in
                csv = res.body.string
                #expect(res.headers.contentType?.description.hasPrefix("text/csv") == true)
                #expect(csv.hasPrefix("id,date,type,mode"))
                #expect(csv.contains("score:clarification") && csv.contains("Ana 2"))
                #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
            }
            try await app.testing().test(.GET, "/api/v1/log/export?format=json") { res in
                let list = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [[String: Any]]
                #expect(list?.count == 3)
            }
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "csv")
            try await app.testing().test(.POST, "/api/v1/log/import", headers: headers, body: ByteBuffer(string: csv)) { res in
                let r = Self.problem(res)
                #expect(r["imported"] as? Int == 0 && r["duplicates"] as? Int == 3)
            }
            let extra = "date,type,clarification\n2026-09-01,coding,3\n2026-09-02,coding,9\n"
            try await app.testing().test(.POST, "/api/v1/log/import", headers: headers, body: ByteBuffer(string: extra)) { res in
                let r = Self.problem(res)
                #expect(r["imported"] as? Int == 1)
                let problems = r["problems"] as? [[String: Any]] ?? []
                #expect(problems.first?["line"] as? Int == 3)
            }
        }
    }

    @Test func questionsCreatePickAndExport() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = Self.json(
                #"{"title": "Design a parking lot API", "type": "api_design", "difficulty": "medium", "prompt": "Design it.", "topics": ["rest"]}"#
            )
            try await app.testing().test(.POST, "/api/v1/questions", headers: h, body: b) { res in
                #expect(res.status == .created && res.body.string.contains("design-a-parking-lot-api"))
            }
            try await app.testing().test(.POST, "/api/v1/questions", headers: h, body: b) { res in
                #expect(res.status == .created && res.body.string.contains("design-a-parking-lot-api-2"), "an id in use gets a suffix")
            }
            let (hb, bb) = Self.json(#"{"title": "x", "type": "api_design", "difficulty": "impossible", "prompt": "p"}"#)
            try await app.testing().test(.POST, "/api/v1/questions", headers: hb, body: bb) { res in
                #expect(res.status == .unprocessableEntity)
                #expect((Self.problem(res)["fields"] as? [String: String])?["difficulty"] != nil)
            }
            var yamlHeaders = HTTPHeaders()
            yamlHeaders.contentType = HTTPMediaType(type: "application", subType: "yaml")
            let yaml =
                "questions:\n  - id: my-story\n    type: behavioral\n    title: A conflict\n    prompt: Tell me.\n    difficulty: hard\n"
            try await app.testing().test(.POST, "/api/v1/questions", headers: yamlHeaders, body: ByteBuffer(string: yaml)) { res in
                #expect(res.status == .created && res.body.string.contains("my-story"))
            }
            var first = ""
            var second = ""
            try await app.testing().test(.GET, "/api/v1/questions/pick?type=coding&level=senior&tier=tier1&seed=7") { res in
                first = res.body.string
            }
            try await app.testing().test(.GET, "/api/v1/questions/pick?type=coding&level=senior&tier=tier1&seed=7") { res in
                second = res.body.string
            }
            let ids = [first, second].map {
                ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["question"] as? [String: Any]
            }
            #expect(ids[0]?["id"] as? String != nil && ids[0]?["id"] as? String == ids[1]?["id"] as? String, "same seed, same question")
            #expect(first.contains("\"isRepeat\":false"))
            try await app.testing().test(.GET, "/api/v1/questions?type=behavioral&topic=mentorship") { res in
                let list = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [[String: Any]] ?? []
                #expect(list.count >= 3)
                #expect(list.allSatisfy { ($0["topics"] as? [String])?.contains("mentorship") == true })
            }
            try await app.testing().test(.GET, "/api/v1/questions/export?type=api_design&format=yaml") { res in
                #expect(res.body.string.hasPrefix("questions:") && res.body.string.contains("design-a-parking-lot-api"))
            }
        }
    }

    @Test func rubricCloneAndUpdate() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = Self.json(#"{"name": "Behavioral for EMs"}"#)
            try await app.testing().test(.POST, "/api/v1/rubrics/behavioral/clone", headers: h, body: b) { res in
                #expect(res.status == .created && res.body.string.contains("behavioral-for-ems"))
            }
            let (h2, b2) = Self.json(
                #"{"name": "Mine", "dimensions": [{"key": "a", "name": "A", "question": "?", "score1": "1", "score2": "2", "score3": "3"}]}"#
            )
            try await app.testing().test(.PUT, "/api/v1/rubrics/behavioral-for-ems", headers: h2, body: b2) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("3 to 10 dimensions"))
            }
            try await app.testing().test(.PUT, "/api/v1/rubrics/behavioral", headers: h2, body: b2) { res in
                #expect(res.status == .conflict)
            }
        }
    }

    @Test func malformedBodiesAre4xxNot500() async throws {
        try await withMockLoopApp(.sqlite) { app in
            for body in ["{", "[]", "{\"type\": 5}", "{\"type\": \"coding\"}", "{\"type\": \"coding\", \"mode\": \"robot\"}"] {
                let (h, b) = Self.json(body)
                try await app.testing().test(.POST, "/api/v1/sessions", headers: h, body: b) { res in
                    #expect((400..<500).contains(Int(res.status.code)), "\(body) -> \(res.status)")
                    #expect(Self.problem(res)["message"] != nil)
                }
            }
        }
    }
}
