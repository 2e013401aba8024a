import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing
import VaporTesting

/// The loop as a browser walks it: plan → rubric shown before start → start → score → retro
/// (and the refusal of a second fix) → the log → the next session opens with the fix.
@Suite struct SessionFlowTests {
    static func form(_ fields: [(String, String)]) -> (HTTPHeaders, ByteBuffer) { RequestBody.form(fields) }

    @Test(arguments: TestDatabase.available)
    func fullLoopThroughThePages(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            var sessionPath = ""
            let (h1, b1) = Self.form([
                ("type", "system_design"), ("mode", "peer"), ("tier", "tier1"), ("level", "staff"),
                ("interviewer", "Priya"), ("questionId", ""), ("difficulty", ""),
            ])
            try await app.testing().test(.POST, "/sessions", headers: h1, body: b1) { res in
                #expect(res.status == .seeOther)
                sessionPath = res.headers.first(name: .location) ?? ""
            }
            #expect(sessionPath.hasPrefix("/sessions/"))
            try await app.testing().test(.GET, sessionPath) { res in
                let html = res.body.string
                #expect(html.contains("Rubric: System design") || html.contains("Rubric:"))
                #expect(html.contains("Capacity estimation"), "rubric is shown before the session starts")
                #expect(html.contains("Start the clock"))
                #expect(html.contains("deliberately under-specified"), "a Staff target gets an under-specified prompt")
            }
            let (h0, b0) = Self.form([])
            try await app.testing().test(.POST, sessionPath + "/start", headers: h0, body: b0) { res in #expect(res.status == .seeOther) }
            let (h2, b2) = Self.form([
                ("score_requirements", "3"), ("score_capacity_estimation", "1"), ("note_capacity_estimation", "skipped QPS"),
                ("self_capacity_estimation", "2"), ("confidence", "3"), ("duration", "50"), ("hintsUsed", "1"), ("pauses", "0"),
            ])
            try await app.testing().test(.POST, sessionPath + "/scores", headers: h2, body: b2) { res in #expect(res.status == .seeOther) }
            let (h3, b3) = Self.form([
                ("wentWell", "Drove requirements, because I listed users first"), ("wentWrong", "Skipped QPS and storage"),
                ("fixDimension", "capacity_estimation"), ("fix", "Estimate QPS and storage out loud before drawing"),
                ("drill", "5 capacity estimations out loud, recorded"),
            ])
            try await app.testing().test(.POST, sessionPath + "/retro", headers: h3, body: b3) { res in #expect(res.status == .seeOther) }
            let (h4, b4) = Self.form([
                ("wentWell", "x"), ("wentWrong", "y"), ("fixDimension", "data_model"), ("fix", "Another fix"), ("drill", "Draw 3 schemas"),
            ])
            try await app.testing().test(.POST, sessionPath + "/retro", headers: h4, body: b4) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("one priority fix"))
            }
            try await app.testing().test(.GET, sessionPath) { res in
                let html = res.body.string
                #expect(html.contains("Estimate QPS and storage out loud before drawing"))
                #expect(!html.contains("Another fix"))
                #expect(html.contains("Mark drill done"))
            }
            try await app.testing().test(.GET, "/log") { res in
                let html = res.body.string
                #expect(
                    html.contains("Priya") && html.contains("Capacity estimation <span class=\"score s1\">1</span>")
                        && html.contains("Estimate QPS and storage"))
            }
            try await app.testing().test(.GET, "/sessions/new?type=system_design") { res in
                #expect(res.body.string.contains("Today, watch: Capacity estimation"))
                #expect(res.body.string.contains("5 capacity estimations out loud, recorded"))
            }
            try await app.testing().test(.GET, "/") { res in #expect(res.body.string.contains("Estimate QPS and storage")) }
            let (h5, b5) = Self.form([("done", "1")])
            try await app.testing().test(.POST, sessionPath + "/drill", headers: h5, body: b5) { res in #expect(res.status == .seeOther) }
            try await app.testing().test(.GET, sessionPath) { res in #expect(res.body.string.contains("Mark drill not done")) }
        }
    }

    @Test func scoresThatAreNotNumbersAreRefusedByField() async throws {
        try await withMockLoopApp(.sqlite) { app in
            var path = ""
            let (h, b) = Self.form([("type", "coding"), ("mode", "solo"), ("questionTitle", "My own problem")])
            try await app.testing().test(.POST, "/sessions", headers: h, body: b) { res in path = res.headers.first(name: .location) ?? "" }
            let (h2, b2) = Self.form([("score_clarification", "three")])
            try await app.testing().test(.POST, path + "/scores", headers: h2, body: b2) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("score_clarification"))
            }
            let (h3, b3) = Self.form([("type", "cooking"), ("mode", "solo")])
            try await app.testing().test(.POST, "/sessions", headers: h3, body: b3) { res in
                #expect(res.status == .unprocessableEntity && res.body.string.contains("type"))
            }
        }
    }

    @Test func cloneAndEditARubricThroughThePages() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = Self.form([("name", "Coding for Staff")])
            var edit = ""
            try await app.testing().test(.POST, "/rubrics/coding/clone", headers: h, body: b) { res in
                #expect(res.status == .seeOther)
                edit = res.headers.first(name: .location) ?? ""
            }
            #expect(edit == "/rubrics/coding-for-staff/edit")
            try await app.testing().test(.GET, edit) { res in #expect(res.body.string.contains("name_0")) }
            let (h2, b2) = Self.form([("name", "Coding for Staff"), ("name_0", "Pin down the problem")])
            try await app.testing().test(.POST, edit, headers: h2, body: b2) { res in #expect(res.status == .seeOther) }
            try await app.testing().test(.GET, "/rubrics/coding-for-staff") { res in
                #expect(res.body.string.contains("Pin down the problem"))
            }
            let (h3, b3) = Self.form([("name_1", " ")])
            try await app.testing().test(.POST, edit, headers: h3, body: b3) { res in
                let html = res.body.string
                #expect(res.status == .unprocessableEntity)
                #expect(html.contains("<p class=\"field-error\" id=\"err-name-1\">"), "the problem beside the dimension's name field")
                #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"err-name-1\""))
                #expect(!html.contains("dimensions[1]"), "no internal field path shown")
            }
            try await app.testing().test(.GET, "/rubrics/coding/edit") { res in #expect(res.status == .conflict) }
        }
    }

    /// A bad session form comes back as the form, with what was typed and the problem named.
    @Test func aBadSessionFormComesBackWithItsValuesAndProblems() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = Self.form([("type", "coding"), ("mode", "telepathy"), ("interviewer", "Priya"), ("company", "Acme")])
            try await app.testing().test(.POST, "/sessions", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("<h1>Plan or log a mock</h1>"), "the form, not the error page")
                #expect(html.contains("<p class=\"field-error\" id=\"err-mode\">must be one of"), "the problem beside its field")
                #expect(html.contains("must be one of") && html.contains("telepathy"), "the field's problem in words")
                #expect(html.contains("value=\"Priya\"") && html.contains("value=\"Acme\""), "what was typed is kept")
            }
        }
    }
}
