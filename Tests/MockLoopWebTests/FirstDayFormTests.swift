import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing
import VaporTesting

/// Forms that come back with their values and each problem beside its field; pages that say
/// things once; the clock of a peer mock; finding questions; the log's statuses and exports.
@Suite struct FirstDayFormTests {
    static func form(_ fields: [(String, String)]) -> (HTTPHeaders, ByteBuffer) { RequestBody.form(fields) }

    /// Plans and starts a peer system-design session through the pages; returns its path.
    static func startedPeerSession(_ app: Application) async throws -> String {
        var path = ""
        let (h, b) = form([("type", "system_design"), ("mode", "peer"), ("interviewer", "Priya")])
        try await app.testing().test(.POST, "/sessions", headers: h, body: b) { res in path = res.headers.first(name: .location) ?? "" }
        let (sh, sb) = form([])
        try await app.testing().test(.POST, path + "/start", headers: sh, body: sb) { res in #expect(res.status == .seeOther) }
        return path
    }

    @Test func aPeerSessionRunsTheClockWithThePhasesAndRecordsTheDuration() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let path = try await Self.startedPeerSession(app)
            try await app.testing().test(.GET, path) { res in
                let html = res.body.string
                #expect(html.contains("id=\"session-clock\""))
                for phase in PhasePlan.phases(for: .systemDesign, minutes: 45) {
                    #expect(html.contains("<strong>\(phase.title)</strong>"), "phase \(phase.title) on the clock")
                }
                #expect(
                    html.contains("class=\"current\" aria-current=\"step\"><strong>Requirements</strong>"), "the first phase is current")
                #expect(
                    html.contains("id=\"duration\" name=\"duration\" type=\"number\" min=\"1\" max=\"600\" value=\"1\""),
                    "duration from the clock")
            }
            let (h, b) = Self.form([("score_requirements", "2"), ("duration", "")])
            try await app.testing().test(.POST, path + "/scores", headers: h, body: b) { res in #expect(res.status == .seeOther) }
            try await app.testing().test(.GET, "/api/v1" + path) { res in
                let entry = try res.content.decode(DurationOfSession.self)
                #expect(entry.scores.durationMinutes == 1, "the clock's minutes are recorded when none is typed")
            }
            try await app.testing().test(.GET, path) { res in
                #expect(!res.body.string.contains("id=\"session-clock\""), "a finished session shows no running clock")
            }
        }
    }

    @Test func badScoresAndAVagueDrillComeBackOnTheSessionPageWithWhatWasTyped() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let path = try await Self.startedPeerSession(app)
            let (h, b) = Self.form([("score_requirements", "2"), ("note_requirements", "Asked about users first"), ("confidence", "9")])
            try await app.testing().test(.POST, path + "/scores", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("<p class=\"field-error\" id=\"err-confidence\">must be 1 to 5 (got 9)</p>"))
                #expect(html.contains("value=\"Asked about users first\""), "the note typed is kept")
                #expect(html.contains("<option value=\"2\" selected>2</option>"))
                #expect(!html.contains("Unprocessable Entity"))
            }
            let (h2, b2) = Self.form([
                ("score_requirements", "3"), ("score_capacity_estimation", "1"), ("score_high_level_architecture", "2"),
            ])
            try await app.testing().test(.POST, path + "/scores", headers: h2, body: b2) { res in #expect(res.status == .seeOther) }
            try await app.testing().test(.GET, path) { res in
                let html = res.body.string
                #expect(html.contains("<option value=\"capacity_estimation\" selected>"), "the fix starts on the lowest-scored dimension")
                #expect(!html.contains("Today, watch"), "a finished session has no 'Today, watch' card")
            }
            let (h3, b3) = Self.form([
                ("wentWell", "Clear requirements"), ("wentWrong", "No numbers"), ("fixDimension", "capacity_estimation"),
                ("fix", "Estimate before drawing"), ("drill", "study more"),
            ])
            try await app.testing().test(.POST, path + "/retro", headers: h3, body: b3) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("<p class=\"field-error\" id=\"err-drill\">"), "the problem beside the drill")
                #expect(html.contains(">Clear requirements</textarea>") && html.contains("value=\"Estimate before drawing\""))
                #expect(html.components(separatedBy: "Unprocessable Entity").count == 1, "no bare status page")
            }
        }
    }

    @Test func aFileThatCannotBeReadComesBackBesideItsField() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = Self.form([("csv", "when,who\n2026-11-02,Ana\n")])
            try await app.testing().test(.POST, "/log/import", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("<p class=\"field-error\" id=\"err-file\">"))
                #expect(html.replacingOccurrences(of: "&#39;", with: "'").contains("column 'type' is missing"), "what is wrong, in words")
                #expect(html.contains(">when,who\n2026-11-02,Ana\n</textarea>"), "the pasted text is kept")
            }
            let path = try await Self.startedPeerSession(app)
            let (th, tb) = Self.form([("transcript", "   "), ("candidate", "Sam")])
            try await app.testing().test(.POST, path + "/transcript", headers: th, body: tb) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("<p class=\"field-error\" id=\"err-transcript\">"))
                #expect(html.contains("value=\"Sam\""), "the speaker name typed is kept")
                #expect(html.contains("id=\"session-clock\""), "the session page, not an error page")
            }
        }
    }

    @Test func aRunThatCannotStartComesBackWithTheCodeKept() async throws {
        try await withMockLoopApp(.sqlite) { app in
            var path = ""
            let (h, b) = Self.form([("type", "coding"), ("mode", "solo"), ("questionId", "balanced-brackets")])
            try await app.testing().test(.POST, "/sessions", headers: h, body: b) { res in path = res.headers.first(name: .location) ?? "" }
            let (rh, rb) = Self.form([("language", "cobol"), ("code", "def is_balanced(s): return True")])
            try await app.testing().test(.POST, path + "/run", headers: rh, body: rb) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("<p class=\"field-error\" id=\"err-run-language\">must be one of"))
                #expect(html.contains(">def is_balanced(s): return True</textarea>"), "the code typed is kept")
            }
        }
    }

    @Test func drillDoneReturnsToItsCardAndPagesSayThingsOnce() async throws {
        try await withMockLoopApp(.sqlite) { app in
            try await app.testing().test(.GET, "/no/such/page") { res in
                #expect(res.status == .notFound)
                let html = res.body.string
                #expect(html.components(separatedBy: "Not Found").count == 1, "not the status phrase twice")
                #expect(html.contains("<h1>Page not found</h1>") && html.contains("There is nothing at /no/such/page."))
            }
            let (h, b) = Self.form([("title", "Design a rate limiter"), ("type", "system_design"), ("difficulty", "medium")])
            try await app.testing().test(.POST, "/questions", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("<p class=\"field-error\" id=\"err-prompt\">"), "the missing prompt, beside it")
                #expect(!html.contains("err-id"), "never an id the user did not see")
                #expect(html.contains("value=\"Design a rate limiter\""))
            }
            var ids: [String] = []
            for title in ["日本語の質問", "日本語の質問", "Queue  Design!"] {
                let (h, b) = Self.form([("title", title), ("type", "coding"), ("difficulty", "easy"), ("prompt", "Some prompt text.")])
                try await app.testing().test(.POST, "/questions", headers: h, body: b) { res in
                    #expect(res.status == .seeOther)
                    ids.append(String((res.headers.first(name: .location) ?? "").dropFirst("/questions/".count)))
                }
            }
            #expect(ids == ["my-question", "my-question-2", "queue-design"], "made from the title, unique with a suffix")
        }
    }

    @Test func questionSearchFindsTopicsFollowUpsAndHintsAndSaysWhenNothingMatches() async throws {
        try await withMockLoopApp(.sqlite) { app in
            func count(_ query: String) async throws -> Int {
                var n = -1
                try await app.testing().test(.GET, "/api/v1/questions?" + query) { res in n = try res.content.decode([Question].self).count
                }
                return n
            }
            for word in ["idempotency", "kafka", "queue"] { #expect(try await count("q=" + word) > 0, "search finds \(word)") }
            let graphs = try await count("topic=graphs")
            #expect(graphs > 0)
            let graph = try await count("topic=graph")
            #expect(graph >= graphs, "the singular finds the plural tag (and graph-coloring by prefix)")
            let capitalised = try await count("topic=Graph")
            #expect(capitalised == graph)
            let (spaced, hyphenated) = (try await count("topic=dynamic%20programming"), try await count("topic=dynamic-programming"))
            #expect(spaced == hyphenated && spaced > 0)
            try await app.testing().test(.GET, "/questions?q=zzqqxx") { res in
                #expect(res.body.string.contains("No questions match — <a href=\"/questions\">clear filters</a>."))
                #expect(res.body.string.contains("0 questions"))
            }
        }
    }
}

struct DurationOfSession: Decodable {
    struct Scores: Decodable { var durationMinutes: Int? }
    var scores: Scores
}
