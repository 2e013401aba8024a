import Fluent
import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing

@testable import MockLoopStore

/// The SQL that gathers the insights' input agrees with the same reduction done in memory
/// over the same sessions, on SQLite and PostgreSQL, for every kind of window.
@Suite struct InsightsStoreTests {
    static let dimensions = [
        "clarification", "approach_verbalization", "coding_execution", "testing_edge_cases", "optimization_discussion", "communication",
    ]
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// Varied sessions: every mode, status and difficulty, partial and self scores, two types.
    static func entries(count: Int) -> [LogEntry] {
        var rng = SeededGenerator(seed: 42)
        return (0..<count).map { i in
            let type: InterviewType = i % 4 == 3 ? .behavioral : .coding
            var sheet = ScoreSheet()
            if i % 7 != 0 {
                for d in dimensions where Int.random(in: 0..<4, using: &rng) > 0 {
                    sheet.interviewerScores[d] = DimensionScore(score: Int.random(in: 1...3, using: &rng))
                    if Bool.random(using: &rng) { sheet.selfScores[d] = Int.random(in: 1...3, using: &rng) }
                }
            }
            sheet.wentEasy = i % 5 == 0
            sheet.confidence = i % 3 == 0 ? nil : Int.random(in: 1...5, using: &rng)
            return LogEntry(
                id: UUID(), date: now.addingTimeInterval(-Double(count - i) * 86_400 * 0.7 - 3600),
                type: type, mode: SessionMode.allCases[i % SessionMode.allCases.count],
                status: i % 9 == 0 ? .planned : .completed, rubricId: type == .coding ? "coding" : "behavioral",
                difficulty: [nil, .easy, .medium, .hard][i % 4], scores: sheet, isRepeat: i % 6 == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func sqlAgreesWithTheInMemoryReduction(db kind: TestDatabase) async throws {
        let entries = Self.entries(count: 90)
        try await withStore(kind) { db, owner in
            let writer = SessionWriter(db: db, userID: owner)
            for e in entries { try await writer.insert(e, importKey: nil) }
            try await InsightRollup.rebuildAll(db)  // as the migration does for sessions already there
            let stored = try await LogRepository(db: db, userID: owner).all()
            let repo = InsightsRepository(db: db, userID: owner)
            let utc = TimeZone(identifier: "UTC")!
            for window in [InsightsWindow.all, .days(30), .sessions(10)] {
                let fromSQL = try await repo.input(type: .coding, window: window, now: Self.now, timeZone: utc, recentLimit: 25)
                let inMemory = InsightsReport.Input.from(
                    stored, type: .coding, window: window, now: Self.now, timeZone: utc, recentLimit: 25)
                #expect(fromSQL.aggregate.sessions > 0, "\(window)")
                #expect(fromSQL.aggregate == inMemory.aggregate, "\(window)")
                #expect(fromSQL.recent.map(\.id) == inMemory.recent.map(\.id), "\(window)")
                #expect(fromSQL.lastQualifying == inMemory.lastQualifying, "\(window)")
                #expect(fromSQL.stamps.count == inMemory.stamps.count, "\(window)")
            }
        }
    }

    /// After each kind of write (plan, start on another day, score, import), the roll-ups
    /// still agree with the log.
    @Test(arguments: TestDatabase.available)
    func rollupsFollowEveryWrite(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let repo = InsightsRepository(db: db, userID: owner)
            let utc = TimeZone(identifier: "UTC")!
            func agree(_ step: String) async throws {
                let stored = try await LogRepository(db: db, userID: owner).all()
                for window in [InsightsWindow.all, .days(3)] {
                    let fromSQL = try await repo.input(type: .coding, window: window, now: Date(), timeZone: utc)
                    let inMemory = InsightsReport.Input.from(stored, type: .coding, window: window, now: Date(), timeZone: utc)
                    #expect(fromSQL.aggregate == inMemory.aggregate, "\(step) \(window)")
                }
            }
            let sessions = SessionRepository(db: db, userID: owner)
            var plan = SessionPlan(type: .coding, mode: .peer, date: Date().addingTimeInterval(-5 * 86_400))
            plan.difficulty = .hard
            let planned = try await sessions.create(plan)
            try await agree("planned")
            _ = try await sessions.start(planned.id)
            try await agree("started today")
            _ = try await sessions.finish(
                planned.id,
                sheet: ScoreSheet(
                    interviewerScores: ["clarification": DimensionScore(score: 1)],
                    selfScores: ["clarification": 3]))
            try await agree("scored")
            _ = try await sessions.finish(planned.id, sheet: ScoreSheet(interviewerScores: ["clarification": DimensionScore(score: 3)]))
            try await agree("scored again")
            _ = try await sessions.create(SessionStoreTests.scored(date: Date().addingTimeInterval(-86_400)))
            try await agree("logged scored")
            let csv =
                "date,type,mode,score:clarification,self:clarification\n2026-01-02,coding,ai,3,2\n2026-01-02,coding,friend,1,3\n2025-12-30,behavioral,peer,,\n"
            _ = try await LogRepository(db: db, userID: owner).importCSV(csv)
            try await agree("imported")
            let all = try await repo.input(type: .coding, window: .all, now: Date(), timeZone: utc)
            #expect(all.aggregate.sessions == 4 && all.aggregate.aiSessions == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anotherUsersSessionsAreNotCounted(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let other = UUID()
            try await UserModel(id: other, name: "other", isOwner: false).create(on: db)
            let writer = SessionWriter(db: db, userID: other)
            for e in Self.entries(count: 12) { try await writer.insert(e, importKey: nil) }
            try await InsightRollup.rebuildAll(db)
            let input = try await InsightsRepository(db: db, userID: owner)
                .input(type: .coding, window: .all, now: Self.now, timeZone: TimeZone(identifier: "UTC")!)
            #expect(input.aggregate == WindowAggregate() && input.recent.isEmpty && input.stamps.isEmpty)
        }
    }
}
