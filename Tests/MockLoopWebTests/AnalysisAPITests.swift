import Foundation
import MockLoopTestSupport
import Testing
import VaporTesting

@Suite struct AnalysisAPITests {
    static let vtt =
        "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nInterviewer: Tell me about a failure.\n\n00:00:06.000 --> 00:00:40.000\nSam: Um, so, at my last company our team missed a launch. My job was to own the migration. We rewrote the importer and we moved the date. In the end it shipped.\n"

    static func body(_ fields: [String: String]) -> (HTTPHeaders, ByteBuffer) { RequestBody.json(fields) }

    @Test func analyzeReturnsEveryKeyWithNullsForUntimed() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = Self.body(["transcript": Self.vtt, "kind": "behavioral"])
            try await app.testing().test(.POST, "/api/v1/analyze", headers: h, body: b) { res in
                #expect(res.status == .ok)
                let json = (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:]
                #expect(json["candidate"] as? String == "Sam")
                #expect((json["redFlags"] as? [String])?.contains("no_ownership") == true)
                #expect(((json["suggestedScores"] as? [String: Any])?["label"] as? String) == "AI")
                #expect(json["timeToFirstWordSeconds"] as? Double == 2)
            }
            let (h2, b2) = Self.body(["transcript": "Interviewer: Go.\nSam: I'd sort first.", "kind": "coding"])
            try await app.testing().test(.POST, "/api/v1/analyze", headers: h2, body: b2) { res in
                let json = (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:]
                #expect(json["wordsPerMinute"] is NSNull && json["pauses"] is NSNull, "unavailable metrics are null")
            }
        }
    }

    @Test func brokenTranscriptsAre422NamingTheLine() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = Self.body(["transcript": "WEBVTT\n\n00:00:09.000 --> 00:00:02.000\nA: hi\n"])
            try await app.testing().test(.POST, "/api/v1/analyze", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("line 3"))
            }
            let (h2, b2) = Self.body(["transcript": "A: hi", "kind": "cooking"])
            try await app.testing().test(.POST, "/api/v1/analyze", headers: h2, body: b2) { res in
                #expect(res.status == .unprocessableEntity)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func sessionKeepsItsTranscriptAndShowsTheAnalysis(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            let id = try await APITests.createSession(app, #"{"type": "behavioral", "mode": "peer"}"#)
            let (h, b) = Self.body(["transcript": Self.vtt])
            try await app.testing().test(.PUT, "/api/v1/sessions/\(id)/transcript", headers: h, body: b) { res in
                #expect(res.status == .created && res.body.string.contains("no_ownership"))
            }
            try await app.testing().test(.GET, "/api/v1/sessions/\(id)/transcript/analysis") { res in
                #expect(res.status == .ok && res.body.string.contains("\"candidate\" : \"Sam\""))
            }
            try await app.testing().test(.GET, "/sessions/\(id.lowercased())") { res in
                let html = res.body.string
                #expect(html.contains("Fix first:") && html.contains("no ownership"))
                #expect(html.contains("AI-suggested scores"))
            }
            try await app.testing().test(.GET, "/api/v1/sessions/\(UUID().uuidString)/transcript/analysis") { res in
                #expect(res.status == .notFound)
            }
        }
    }
}
