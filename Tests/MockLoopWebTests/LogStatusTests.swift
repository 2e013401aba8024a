import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing
import VaporTesting

/// The log shows what each session needs next, filters by status, and exports what it shows;
/// the home page sums up the week once there is data.
@Suite struct LogStatusTests {
    static let scored =
        #"{"type": "behavioral", "mode": "peer", "interviewer": "Ana", "scores": {"interviewerScores": {"quantified_outcomes": {"score": 1, "note": "=no numbers, at all"}, "situation_clarity": 3}, "selfScores": {}, "hintsUsed": 0, "pauses": 0, "wentEasy": false}}"#

    @Test(arguments: TestDatabase.available)
    func statusesFiltersAndExportsOfWhatIsShown(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            let planned = try await APITests.createSession(app, #"{"type": "coding", "mode": "peer"}"#).lowercased()
            let done = try await APITests.createSession(app, Self.scored).lowercased()
            var mock = ""
            let (ph, pb) = RequestBody.json(["type": "coding", "seed": 3])
            try await app.testing().test(.POST, "/api/v1/practice", headers: ph, body: pb) { res in
                mock = try res.content.decode(PracticeID.self).id.lowercased()
            }
            try await app.testing().test(.GET, "/log") { res in
                let html = res.body.string
                #expect(html.contains("<span class=\"tag status-planned\">Planned</span> <a href=\"/sessions/\(planned)\">Start it</a>"))
                #expect(
                    html.contains("<span class=\"tag status-started\">Started</span> <a href=\"/practice/\(mock)\">Resume the mock</a>"))
                #expect(
                    html.contains(
                        "<span class=\"tag status-completed\">Completed</span> <a href=\"/sessions/\(done)#retro\">Write the retro</a>"))
                #expect(html.contains("<td data-label=\"Date\" class=\"date\">"))
                #expect(html.contains("3 sessions"))
            }
            try await app.testing().test(.GET, "/log?status=planned") { res in
                let html = res.body.string
                #expect(html.contains("1 session, showing 1–1") && html.contains(planned) && !html.contains(done))
                #expect(html.contains("href=\"/log/export.csv?status=planned\""), "the export link carries the filters")
                #expect(html.contains("Export the 1 session matching these filters"))
            }
            try await app.testing().test(.GET, "/api/v1/sessions?status=completed") { res in
                let page = try res.content.decode(LogTotal.self)
                #expect(page.total == 1)
            }
            try await app.testing().test(.GET, "/log/export.csv?type=behavioral") { res in
                let csv = res.body.string
                let rows = try CSVTable.parse(csv).records
                #expect(rows.count == 2, "the header and the one behavioral session, not the whole log")
                let header = try #require(rows.first?.cells)
                let note = try #require(header.firstIndex(of: "note:quantified_outcomes"))
                #expect(rows[1].cells[note] == "'=no numbers, at all", "the note, defused as a formula")
            }
            try await app.testing().test(.GET, "/api/v1/log/export?format=json&status=planned") { res in
                let json = res.body.string.lowercased()
                #expect(json.contains(planned) && !json.contains(done))
            }
            try await app.testing().test(.GET, "/log?status=sleeping") { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("status"))
            }
            try await app.testing().test(.GET, "/") { res in
                let html = res.body.string
                #expect(html.contains("1 of 2 observed mocks this week"), "the peer session counts, the AI mock and the plan do not")
                #expect(html.contains("<h2 id=\"week-h\">This week</h2>"))
            }
        }
    }
}
