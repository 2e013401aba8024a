import Foundation
import MockLoopTestSupport
import Testing
import VaporTesting

/// `/insights` and `GET /api/v1/insights` over sessions logged through the API.
@Suite struct InsightsWebTests {
    static func object(_ res: TestingHTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:]
    }

    /// Logs a finished coding session with these interviewer (and self) scores via the CSV import.
    static func log(
        _ app: Application, rows: [(date: String, mode: String, clarification: Int, testing: Int, selfTesting: Int)]
    ) async throws {
        var csv = "date,type,mode,score:clarification,score:testing_edge_cases,self:testing_edge_cases\n"
        for r in rows { csv += "\(r.date),coding,\(r.mode),\(r.clarification),\(r.testing),\(r.selfTesting)\n" }
        var h = HTTPHeaders()
        h.contentType = HTTPMediaType(type: "text", subType: "csv")
        try await app.testing().test(.POST, "/api/v1/log/import", headers: h, body: ByteBuffer(string: csv)) { res in
            #expect(res.status == .ok || res.status == .created, "\(res.body.string)")
        }
    }

    @Test(arguments: TestDatabase.available)
    func apiShowsPatternsOnlyWithEnoughEvidence(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            let rows = (1...11).map {
                (
                    date: String(format: "2026-10-%02d", $0), mode: $0 % 4 == 0 ? "ai" : "peer",
                    clarification: $0 % 2 == 0 ? 3 : 2, testing: $0 % 4 == 0 ? 3 : 1, selfTesting: 3
                )
            }
            try await Self.log(app, rows: Array(rows.prefix(5)))
            try await app.testing().test(.GET, "/api/v1/insights?type=coding&tz=Europe/Berlin") { res in
                let json = Self.object(res)
                #expect(json["sessions"] as? Int == 5)
                let weak = json["weakSpots"] as? [String: Any] ?? [:]
                #expect(
                    weak["sessionsNeeded"] as? Int == 5 && (weak["spots"] as? [Any])?.isEmpty == true, "no pattern claimed from 5 sessions")
                #expect(json["timeZone"] as? String == "Europe/Berlin")
            }
            try await Self.log(app, rows: Array(rows.suffix(6)))
            try await app.testing().test(.GET, "/api/v1/insights?type=coding") { res in
                let json = Self.object(res)
                #expect(json["sessions"] as? Int == 11)
                let spots = (json["weakSpots"] as? [String: Any])?["spots"] as? [[String: Any]] ?? []
                #expect(spots.map { $0["dimension"] as? String } == ["testing_edge_cases"])
                let selfGap = (json["selfGap"] as? [[String: Any]] ?? []).first { $0["dimension"] as? String == "testing_edge_cases" }
                #expect((selfGap?["meanGap"] as? Double ?? 0) > 1, "over-confident on testing")
                let aiGap = (json["aiGap"] as? [[String: Any]] ?? []).first { $0["dimension"] as? String == "testing_edge_cases" }
                #expect(aiGap?["meanGap"] as? Double == 2, "AI sessions scored testing 3, humans 1")
                #expect((json["nextFocus"] as? [String: Any])?["dimension"] as? String == "testing_edge_cases")
                #expect((json["readiness"] as? [String: Any])?["ready"] as? Bool == false)
            }
            try await app.testing().test(.GET, "/api/v1/insights?type=coding&window=3") { res in
                #expect(Self.object(res)["sessions"] as? Int == 3)
            }
        }
    }

    @Test func badParametersAre422NamingThem() async throws {
        try await withMockLoopApp(.sqlite) { app in
            for (query, field) in [
                ("window=soon", "window"), ("tz=Mars/Olympus", "tz"), ("type=poetry", "type"), ("threshold=0", "threshold"),
            ] {
                try await app.testing().test(.GET, "/api/v1/insights?\(query)") { res in
                    #expect(res.status == .unprocessableEntity, "\(query)")
                    #expect((Self.object(res)["fields"] as? [String: Any])?[field] != nil, "\(query): \(res.body.string)")
                }
            }
        }
    }

    @Test func pageHasAccessibleChartsAndSaysWhatIsMissing() async throws {
        try await withMockLoopApp(.sqlite) { app in
            try await Self.log(app, rows: [(date: "2026-11-02", mode: "peer", clarification: 2, testing: 1, selfTesting: 3)])
            try await app.testing().test(.GET, "/insights?type=coding") { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("<h1>Insights: Coding</h1>"))
                #expect(html.contains("9 more needed before any pattern is called"))
                #expect(html.contains("role=\"img\""))
                #expect(html.contains("<title id=\"chart-cadence-title\">Observed sessions per week</title>"))
                #expect(
                    html.contains(
                        "<desc id=\"chart-dim-testing_edge_cases-desc\">Testing and edge cases: scores 1 over the last 1 scored sessions"))
                #expect(html.contains(">session date</text>"), "axes are labelled")
                #expect(html.contains("<title id=\"chart-overview-title\">All interview types: sessions per week</title>"))
                #expect(html.contains("AI sessions do not count") == false)
                #expect(html.contains("Not yet: 2 more observed coding mocks"))
            }
        }
    }
}
