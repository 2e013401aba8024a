import Foundation
import MockLoopRunner
import MockLoopTestSupport
import Testing
import VaporTesting

/// `POST /api/v1/run` and the stored runs, through the real sandbox, on both databases.
@Suite struct RunAPITests {
    static let solution =
        "def is_balanced(s):\n    pairs = {')': '(', ']': '[', '}': '{'}\n    stack = []\n    for ch in s:\n        if ch in '([{':\n            stack.append(ch)\n        elif ch in pairs:\n            if not stack or stack.pop() != pairs[ch]:\n                return False\n    return not stack\n"

    static func body(_ fields: [String: Any]) -> (HTTPHeaders, ByteBuffer) { RequestBody.json(fields) }

    static func object(_ res: TestingHTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:]
    }

    @Test(arguments: TestDatabase.available)
    func runsAreJudgedStoredAndCounted(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            let runs: [(String, String)] = [
                (Self.solution, "accepted"),
                ("def is_balanced(s):\n    return True\n", "wrong_answer"),
                ("def is_balanced(s)\n    return True\n", "compile_error"),
            ]
            for (code, verdict) in runs {
                let (h, b) = Self.body(["language": "py", "code": code, "questionId": "balanced-brackets"])
                try await app.testing().test(.POST, "/api/v1/run", headers: h, body: b) { res in
                    #expect(res.status == .ok)
                    let json = Self.object(res)
                    #expect(json["verdict"] as? String == verdict, "\(res.body.string.prefix(300))")
                    #expect(json["runId"] is String)
                    #expect(json["questionId"] as? String == "balanced-brackets")
                    #expect((json["tests"] as? [Any])?.count ?? 0 >= 8)
                    if verdict == "wrong_answer", let failure = json["firstFailure"] as? [String: Any] {
                        #expect(failure["expected"] as? Bool == false)
                        #expect(failure["actual"] as? Bool == true)
                    }
                    if verdict == "compile_error" {
                        #expect(json["compiled"] as? Bool == false)
                        #expect((json["compileOutput"] as? String)?.contains("SyntaxError") == true)
                    }
                }
            }
            try await app.testing().test(.GET, "/api/v1/runs") { res in
                let json = Self.object(res)
                let summary = json["summary"] as? [String: Any] ?? [:]
                #expect(summary["runs"] as? Int == 3)
                #expect(abs((summary["compileRate"] as? Double ?? 0) - 2.0 / 3.0) < 1e-9)
                #expect(abs((summary["passRate"] as? Double ?? 0) - 1.0 / 3.0) < 1e-9)
                let verdicts = (json["runs"] as? [[String: Any]] ?? []).compactMap { $0["verdict"] as? String }
                #expect(Set(verdicts) == ["accepted", "wrong_answer", "compile_error"])
            }
        }
    }

    @Test func hiddenTestsNeverRevealTheirExpectedResults() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let tests: [String: Any] = [
                "mode": "function", "entryPoint": "double", "compare": "exact",
                "cases": [["args": [21], "expected": 424242, "hidden": true]],
            ]
            let (h, b) = Self.body(["language": "javascript", "code": "function double(x) { return x * 2; }", "tests": tests])
            try await app.testing().test(.POST, "/api/v1/run", headers: h, body: b) { res in
                #expect(Self.object(res)["verdict"] as? String == "wrong_answer")
                #expect(!res.body.string.contains("424242"))
                #expect(Self.object(res)["firstFailure"] == nil || Self.object(res)["firstFailure"] is NSNull)
            }
        }
    }

    @Test func badRequestsNameTheField() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let cases: [([String: Any], HTTPStatus, String)] = [
                (["language": "cobol", "code": "x", "questionId": "balanced-brackets"], .unprocessableEntity, "language"),
                (["language": "python", "code": "", "questionId": "balanced-brackets"], .unprocessableEntity, "code"),
                (["language": "python", "code": "x"], .unprocessableEntity, "questionId"),
                (["language": "cpp", "code": "int main(){}", "questionId": "balanced-brackets"], .unprocessableEntity, "language"),
                (["language": "python", "code": "x", "questionId": "sd-url-shortener-at-scale"], .unprocessableEntity, "questionId"),
                (["language": "python", "code": "x", "questionId": "no-such-question"], .notFound, ""),
                (
                    ["language": "python", "code": "x", "questionId": "balanced-brackets", "sessionId": "nope"], .unprocessableEntity,
                    "sessionId"
                ),
                (["language": "python", "code": "x", "questionId": "balanced-brackets", "sessionId": UUID().uuidString], .notFound, ""),
            ]
            for (fields, status, field) in cases {
                let (h, b) = Self.body(fields)
                try await app.testing().test(.POST, "/api/v1/run", headers: h, body: b) { res in
                    #expect(res.status == status, "\(fields): \(res.body.string)")
                    if !field.isEmpty {
                        #expect((Self.object(res)["fields"] as? [String: Any])?[field] != nil, "\(fields): \(res.body.string)")
                    }
                }
            }
            try await app.testing().test(.GET, "/api/v1/runs") { res in
                #expect((Self.object(res)["summary"] as? [String: Any])?["runs"] as? Int == 0, "refused requests store nothing")
            }
        }
    }

    @Test func withoutASandboxCodeIsRefusedNotRunBare() async throws {
        let broken = CodeRunner.Configuration(workDirectory: "/tmp/mockloop-runner-broken-\(getpid())", forcedMode: "no-such-mode")
        try await withMockLoopApp(.sqlite, runner: broken) { app in
            let (h, b) = Self.body(["language": "python", "code": Self.solution, "questionId": "balanced-brackets"])
            try await app.testing().test(.POST, "/api/v1/run", headers: h, body: b) { res in
                #expect(res.status == .serviceUnavailable)
                #expect(Self.object(res)["error"] as? String == "sandbox_unavailable")
            }
            try await app.testing().test(.GET, "/healthz") { res in
                let sandbox = Self.object(res)["sandbox"] as? [String: Any] ?? [:]
                #expect(sandbox["status"] as? String == "unavailable")
                #expect((sandbox["reason"] as? String)?.contains("no-such-mode") == true)
            }
        }
        try? FileManager.default.removeItem(atPath: broken.workDirectory)
    }

    @Test func healthReportsTheSandbox() async throws {
        try await withMockLoopApp(.sqlite) { app in
            try await app.testing().test(.GET, "/healthz") { res in
                let sandbox = Self.object(res)["sandbox"] as? [String: Any] ?? [:]
                #expect(sandbox["status"] as? String == "available")
                #expect((sandbox["languages"] as? [String])?.contains("python") == true)
            }
        }
    }

    static func form(_ fields: [(String, String)]) -> (HTTPHeaders, ByteBuffer) { RequestBody.form(fields) }

    @Test func runCodeCardOnACodingSession() async throws {
        try await withMockLoopApp(.sqlite) { app in
            var path = ""
            let (h, b) = Self.form([("type", "coding"), ("mode", "solo"), ("questionId", "balanced-brackets")])
            try await app.testing().test(.POST, "/sessions", headers: h, body: b) { res in
                path = res.headers.first(name: .location) ?? ""
            }
            try await app.testing().test(.GET, path) { res in
                #expect(res.body.string.contains("Run tests"))
                #expect(res.body.string.contains("Write the function is_balanced"))
            }
            let wrong = "def is_balanced(s):\n    print('<script>alert(1)</script>')\n    return True\n"
            let (h2, b2) = Self.form([("language", "python"), ("code", wrong)])
            try await app.testing().test(.POST, path + "/run", headers: h2, body: b2) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Wrong answer"))
                #expect(html.contains("Your answer"))
                #expect(!html.contains("<script>alert(1)</script>"), "code and output are escaped")
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            let (h3, b3) = Self.form([("language", "python"), ("code", Self.solution)])
            try await app.testing().test(.POST, path + "/run", headers: h3, body: b3) { res in
                let html = res.body.string
                #expect(html.contains("Accepted"))
                #expect(html.contains("2 runs in this session · compiled 100% · passed 50%"))
            }
        }
    }
}
