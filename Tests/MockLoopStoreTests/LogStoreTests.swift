import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import Testing

@Suite struct LogStoreTests {
    @Test(arguments: TestDatabase.available)
    func filterSearchSortAndPage(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let sessions = SessionRepository(db: db, userID: owner)
            let day: TimeInterval = 86400
            let base = Date(timeIntervalSince1970: 1_790_000_000)
            for i in 0..<7 {
                var plan = SessionStoreTests.scored(i % 2 == 0 ? .coding : .behavioral, date: base.addingTimeInterval(Double(i) * day))
                plan.scores = i % 2 == 0 ? plan.scores : ScoreSheet(interviewerScores: ["situation_clarity": DimensionScore(score: 2)])
                plan.mode = i == 3 ? .real : .peer
                plan.questionTitle = "Question \(i)"
                plan.interviewer = i == 5 ? "Zoë Quinn" : "Ana"
                _ = try await sessions.create(plan)
            }
            let log = LogRepository(db: db, userID: owner)
            let all = try await log.page(LogQuery(limit: 3))
            #expect(all.total == 7 && all.entries.map(\.questionTitle) == ["Question 6", "Question 5", "Question 4"])
            #expect(try await log.page(LogQuery(limit: 3, offset: 6)).entries.map(\.questionTitle) == ["Question 0"])
            #expect(try await log.page(LogQuery(type: .behavioral)).total == 3)
            #expect(try await log.page(LogQuery(mode: .real)).entries.map(\.questionTitle) == ["Question 3"])
            #expect(try await log.page(LogQuery(text: "ZOË")).entries.map(\.questionTitle) == ["Question 5"], "search ignores case")
            let window = try await log.page(LogQuery(from: base.addingTimeInterval(2 * day), to: base.addingTimeInterval(4 * day)))
            #expect(window.entries.map(\.questionTitle) == ["Question 4", "Question 3", "Question 2"])
            #expect(try await log.page(LogQuery(sort: .date, descending: false, limit: 1)).entries.first?.questionTitle == "Question 0")
            let page = try await log.page(LogQuery(type: .coding, limit: 1))
            #expect(page.entries.first?.scores.interviewerScores["clarification"]?.score == 1)
            await #expect(throws: MockLoopError.self) { try await log.page(LogQuery(limit: 0)) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func importTwiceAddsNothingAndReportsBadRows(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let csv = """
                Date,Type,Mode,Question,Clarification,Communication,Priority Fix,Fix Dimension,Drill
                2026-10-01,coding,peer,Two sum,2,3,Ask about duplicates,clarification,10 edge-case lists
                2026-10-02,coding,friend,"LRU cache, with TTL",1,2,,,
                2026-10-03,coding,peer,Bad score,5,2,,,
                """
            let log = LogRepository(db: db, userID: owner)
            let first = try await log.importCSV(csv)
            #expect(first.imported == 2 && first.duplicates == 0 && first.problems.map(\.line) == [4])
            let second = try await log.importCSV(csv)
            #expect(second.imported == 0 && second.duplicates == 2)
            #expect(try await SessionModel.query(on: db).count() == 2)
            #expect(try await RetroModel.query(on: db).count() == 1)
            let lru = try #require(try await log.page(LogQuery(text: "lru")).entries.first)
            #expect(lru.mode == .friend && lru.scores.interviewerScores["clarification"]?.score == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func exportedLogImportsIntoAFreshInstanceUnchanged(db kind: TestDatabase) async throws {
        var csv = ""
        var original: [LogEntry] = []
        try await withStore(kind) { db, owner in
            let sessions = SessionRepository(db: db, userID: owner)
            for i in 0..<5 {
                var plan = SessionStoreTests.scored(date: Date(timeIntervalSince1970: 1_790_000_000 + Double(i) * 3600))
                plan.retro = i == 2 ? SessionStoreTests.retro : nil
                plan.notes = "note \(i), with a comma"
                _ = try await sessions.create(plan)
            }
            original = try await LogRepository(db: db, userID: owner).all()
            csv = LogExport.csv(original, rubrics: TestDatabase.content.rubrics)
            #expect(try await LogRepository(db: db, userID: owner).importCSV(csv).duplicates == 5, "its own export is already there")
        }
        try await withStore(kind) { db, owner in
            let log = LogRepository(db: db, userID: owner)
            #expect(try await log.importCSV(csv).imported == 5)
            let back = try await log.all()
            func strip(_ e: LogEntry) -> LogEntry {
                var e = e
                e.id = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
                e.scores.interviewerScores = e.scores.interviewerScores.mapValues { DimensionScore(score: $0.score) }
                return e
            }
            #expect(back.map(strip) == original.map(strip))
            #expect(try await log.importCSV(LogExport.csv(back, rubrics: TestDatabase.content.rubrics)).imported == 0)
        }
    }
}
