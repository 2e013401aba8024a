import Foundation
import MockLoopTestSupport
import Testing
import VaporTesting

/// The coding workspace of a timed mock through the real sandbox: starter code, the first
/// failing visible case, "Run with my input", phases that follow the work, the final code on
/// the session page, and prompts rendered as escaped Markdown.
@Suite struct PracticeWorkspaceTests {

    @Test(arguments: TestDatabase.available)
    func aCodingMockWorkspaceFromStarterToSessionPage(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            let started = try await PracticeAPITests.post(
                app, "/api/v1/practice", ["type": "coding", "questionId": "balanced-brackets", "seed": 2], status: .created)
            let id = try #require(started["id"] as? String)
            let base = "/api/v1/practice/\(id)"
            let starters = started["starters"] as? [String: String] ?? [:]
            #expect(starters["python"]?.hasPrefix("def is_balanced(s):") == true)
            #expect(starters["javascript"]?.hasPrefix("function is_balanced(s)") == true)
            #expect(starters["cpp"] == nil, "function-mode tests run in Python and JavaScript")

            let asked = try await PracticeAPITests.post(
                app, "\(base)/answers", ["text": "How long can the string be? And is an empty string balanced?"])
            let clarification = try #require(PracticeAPITests.turns(asked).last { $0["kind"] as? String == "clarification" })
            #expect((clarification["text"] as? String)?.contains("100,000") == true, "\(clarification)")
            #expect((asked["phase"] as? [String: Any])?["key"] as? String == "clarify")
            let planned = try await PracticeAPITests.post(
                app, "\(base)/answers",
                [
                    "text":
                        "I'd keep a stack of opening brackets and pop on each closing one, checking the kinds. That is O(n) time and O(n) space."
                ])
            #expect((planned["phase"] as? [String: Any])?["key"] as? String == "code", "an approach with its complexity moves to code")

            let buggy = "def is_balanced(s):\n    return s.count('(') == s.count(')')\n"
            let failed = try await PracticeAPITests.post(app, "\(base)/run", ["language": "python", "code": buggy])
            let run = try #require((failed["runs"] as? [[String: Any]])?.last)
            #expect(run["verdict"] as? String == "wrong_answer")
            let failure = try #require(run["failure"] as? [String: Any])
            #expect(failure["expected"] as? String != failure["actual"] as? String)
            #expect((failure["input"] as? String)?.isEmpty == false)
            #expect((PracticeAPITests.turns(failed).last?["text"] as? String)?.contains("First failing visible case: input") == true)

            let custom = try await PracticeAPITests.post(app, "\(base)/run", ["language": "python", "code": buggy, "input": "[\"([)]\"]"])
            #expect((custom["runs"] as? [Any])?.count == 1, "a run with my input is not a test run")
            let output = try #require(PracticeAPITests.turns(custom).last?["text"] as? String)
            #expect(output.hasPrefix("Ran with my input [\"([)]\"]: output true"), "\(output)")
            let bad = try await PracticeAPITests.post(
                app, "\(base)/run", ["language": "python", "code": buggy, "input": "not json"], status: .unprocessableEntity)
            #expect((bad["fields"] as? [String: String])?["input"]?.contains("JSON array") == true)

            let fixed = try await PracticeAPITests.post(app, "\(base)/run", ["language": "python", "code": RunAPITests.solution])
            #expect((fixed["phase"] as? [String: Any])?["key"] as? String == "test", "a passing run moves to testing")
            let done = try await PracticeAPITests.post(app, "\(base)/finish")
            let result = try #require(done["result"] as? [String: Any])
            let flags = (result["redFlags"] as? [[String: Any]] ?? []).compactMap { $0["flag"] as? String }
            #expect(!flags.contains("no_clarifying_questions"), "two questions were asked: \(flags)")
            #expect(!flags.contains("no_complexity"))
            #expect((result["modelAnswers"] as? [[String: Any]])?.first?["questionId"] as? String == "balanced-brackets")
            #expect(((result["missedFacts"] as? [String]) ?? []).isEmpty == false)

            try await app.testing().test(.GET, "/sessions/\(id)") { res in
                #expect(res.status == .ok)
                let page = res.body.string
                #expect(page.contains("<pre class=\"code\" data-language=\"python\">def is_balanced(s):"), "the mock's final code is kept")
                #expect(page.contains("pairs = {&#39;)&#39;") || page.contains("pairs = {')'"))
                #expect(page.contains("<strong>Signals:</strong>"), "a coding mock is read for technical signals, not STAR")
                #expect(!page.contains("<strong>STAR:</strong>"))
                #expect(!page.contains("Plain text has no timings"))
            }
        }
    }

    @Test func aUsersPromptIsEscapedMarkdown() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = RequestBody.json([
                "title": "Hostile prompt", "type": "coding", "difficulty": "easy",
                "prompt": "Return the `max`.\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n\n  max([1, 2]) -> 2",
            ])
            try await app.testing().test(.POST, "/api/v1/questions", headers: h, body: b) { res in #expect(res.status == .created) }
            try await app.testing().test(.GET, "/questions/hostile-prompt") { res in
                let page = res.body.string
                #expect(res.status == .ok)
                #expect(!page.contains("<script>alert(1)"))
                #expect(!page.contains("<img src=x"))
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(page.contains("<code>max</code>"))
                #expect(page.contains("<pre><code>max([1, 2]) -&gt; 2</code></pre>"))
            }
        }
    }
}
