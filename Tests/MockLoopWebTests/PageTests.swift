import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing
import VaporTesting

@Suite struct PageTests {
    @Test(arguments: TestDatabase.available)
    func everyPageRendersWithOneHeading(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            let pages: [(String, String)] = [
                ("/", "Your practice loop"), ("/rubrics", "System design"), ("/rubrics/coding", "Clarification"),
                ("/rubrics/coding/print", "Score sheet"), ("/questions", "Question bank"),
                ("/questions?type=system_design&difficulty=hard", "Make creator videos play well everywhere"),
                ("/questions/new", "Add a question"), ("/questions/pack", "Import a question pack"),
                ("/sessions/new", "Pick one for me"), ("/sessions/new?type=behavioral", "Behavioral"),
                ("/log", "Running log"), ("/log/import", "Import a log"),
            ]
            for (path, text) in pages {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .ok, "\(path)")
                    let body = res.body.string
                    #expect(body.components(separatedBy: "<h1").count == 2, "\(path) has exactly one h1")
                    #expect(body.contains(text), "\(path) shows \(text)")
                }
            }
            try await app.testing().test(.GET, "/questions?type=system_design&difficulty=hard") { res in
                #expect(
                    !res.body.string.contains("<td>Easy</td>") && !res.body.string.contains("<td>Medium</td>"),
                    "filter leaves out other difficulties")
                #expect(res.body.string.contains("<td>Hard</td>"))
            }
        }
    }

    @Test func unknownPagesAndIdsAre404Pages() async throws {
        try await withMockLoopApp(.sqlite) { app in
            for path in ["/nope", "/rubrics/nope", "/questions/nope", "/sessions/not-a-uuid", "/sessions/\(UUID().uuidString)"] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .notFound, "\(path)")
                    #expect(res.headers.contentType == .html && res.body.string.contains("<h1>"), "\(path) is an HTML page")
                }
            }
        }
    }

    @Test func rubricMarkdownExport() async throws {
        try await withMockLoopApp(.sqlite) { app in
            try await app.testing().test(.GET, "/rubrics/system-design/markdown") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description.hasPrefix("text/markdown") == true)
                #expect(res.body.string.contains("## 2. Capacity estimation") || res.body.string.contains("Capacity"))
                #expect(res.body.string.contains("| 3 |"))
            }
        }
    }

    @Test func userTextIsEscaped() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (headers, body) = RequestBody.form([
                ("title", "<script>alert(1)</script>"), ("type", "coding"), ("difficulty", "medium"), ("prompt", "Do <b>it</b>"),
            ])
            var location = ""
            try await app.testing().test(.POST, "/questions", headers: headers, body: body) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            try await app.testing().test(.GET, location) { res in
                #expect(res.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!res.body.string.contains("<script>alert"))
                #expect(!res.body.string.contains("<b>it</b>"))
            }
        }
    }

    @Test func questionFormReportsMissingFieldsOnTheForm() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (headers, body) = RequestBody.form([("title", "Only a title"), ("type", "coding"), ("difficulty", "medium")])
            try await app.testing().test(.POST, "/questions", headers: headers, body: body) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("prompt") && res.body.string.contains("is missing"))
                #expect(res.body.string.contains("value=\"Only a title\""), "what was typed is kept")
            }
        }
    }
}
