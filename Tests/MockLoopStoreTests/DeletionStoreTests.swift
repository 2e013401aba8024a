import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import SQLKit
import Testing

/// Deleting takes everything of a session with it in one transaction, never another user's,
/// and keeps what other rows still read (a rubric sessions were scored on).
@Suite struct DeletionStoreTests {
    @Test(arguments: TestDatabase.available)
    func aSessionGoesWithEverythingOfItAndOnlyIt(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let sessions = SessionRepository(db: db, userID: owner)
            let gone = try await sessions.create(SessionStoreTests.scored(.coding))
            let kept = try await sessions.create(SessionStoreTests.scored(.coding))
            for id in [gone.id, kept.id] {
                _ = try await RetroRepository(db: db, userID: owner).save(SessionStoreTests.retro, sessionID: id)
                try await TranscriptRepository(db: db, userID: owner).attach("Ana: hi\nMe: hello", format: "text", candidate: "Me", to: id)
                try await CodeRunRepository(db: db, userID: owner).record(
                    .init(
                        sessionId: id, questionId: nil, language: .python, verdict: .accepted, compiled: true, passed: 1, total: 1,
                        totalMs: 3))
            }
            let mock = try await PracticeRepository(db: db, userID: owner).start(
                SessionPlan(type: .coding, mode: .ai, questionId: "balanced-brackets"),
                state: PracticeState(
                    sessionId: UUID(), type: .coding, minutes: 45, seed: 1, questionIds: ["balanced-brackets"], startedAt: Date()),
                now: Date())
            let other = try await OwnerRepository(db: db).createUser(name: "B")
            await #expect(throws: MockLoopError.self, "another user's session is not found") {
                try await SessionRepository(db: db, userID: other).delete(gone.id)
            }
            try await sessions.delete(gone.id)
            try await sessions.delete(mock.state.sessionId)
            await #expect(throws: MockLoopError.self) { try await sessions.find(gone.id) }
            for (table, column) in [
                ("scores", "session_id"), ("retros", "session_id"), ("transcripts", "session_id"), ("code_runs", "session_id"),
                ("practice_states", "session_id"),
            ] {
                let sql = try #require(db as? any SQLDatabase)
                let goneRows = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                    .where(SQLColumn(column), .in, SQLGroupExpression([SQLBind(gone.id), SQLBind(mock.state.sessionId)])).first()?
                    .decode(column: "n", as: Int.self)
                #expect(goneRows == 0, "\(table) keeps nothing of the deleted sessions")
            }
            let left = try await sessions.find(kept.id)
            #expect(left.retro != nil && left.scores.interviewerScores.count == 2, "the other session is untouched")
            #expect(try await CodeRunRepository(db: db, userID: owner).summary().runs == 1)
            let page = try await LogRepository(db: db, userID: owner).page(LogQuery())
            #expect(page.total == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func ownQuestionsAndUnusedClonesCanGoBuiltInsAndUsedRubricsStay(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let questions = QuestionRepository(db: db, userID: owner)
            let mine = try await questions.add([
                Question(
                    id: "my-q", type: .coding, title: "Mine", prompt: "p", difficulty: .easy, topics: [], levels: Level.allCases,
                    tiers: CompanyTier.allCases, underspecified: false, followUps: [], hints: [], keyPoints: [])
            ])[0]
            let sessions = SessionRepository(db: db, userID: owner)
            let on = try await sessions.create(SessionPlan(type: .coding, mode: .peer, questionId: mine.id))
            let other = try await OwnerRepository(db: db).createUser(name: "B")
            await #expect(throws: MockLoopError.self) { try await QuestionRepository(db: db, userID: other).delete(mine.id) }
            await #expect(throws: MockLoopError.self) { try await questions.delete("balanced-brackets") }
            try await questions.delete(mine.id)
            await #expect(throws: MockLoopError.self) { try await questions.find(mine.id) }
            #expect(try await sessions.find(on.id).questionTitle == "Mine", "the session keeps the title")

            let rubrics = RubricRepository(db: db, userID: owner)
            let used = try await rubrics.clone("coding", name: "Used clone")
            let unused = try await rubrics.clone("coding", name: "Unused clone")
            _ = try await sessions.create(SessionPlan(type: .coding, mode: .peer, rubricId: used.rubric.id))
            await #expect(throws: MockLoopError.self) { try await rubrics.delete(used.rubric.id) }
            await #expect(throws: MockLoopError.self) { try await rubrics.delete("coding") }
            await #expect(throws: MockLoopError.self) { try await RubricRepository(db: db, userID: other).delete(unused.rubric.id) }
            try await rubrics.delete(unused.rubric.id)
            await #expect(throws: MockLoopError.self) { try await rubrics.find(unused.rubric.id) }
            #expect(try await rubrics.find(used.rubric.id).rubric.name == "Used clone")
        }
    }
}
