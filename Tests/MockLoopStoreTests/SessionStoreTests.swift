import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import Testing

@Suite struct SessionStoreTests {
    static func scored(_ type: InterviewType = .coding, date: Date? = nil, question: String? = nil) -> SessionPlan {
        SessionPlan(
            type: type, mode: .peer, questionId: question, interviewer: "Ana", date: date,
            scores: ScoreSheet(
                interviewerScores: [
                    "clarification": DimensionScore(score: 1, note: "jumped in"),
                    "communication": DimensionScore(score: 3),
                ],
                selfScores: ["clarification": 2], confidence: 3, durationMinutes: 45))
    }

    static let retro = RetroDraft(
        wentWell: "Clean code, because I planned it", wentWrong: "Never asked about input size",
        priorityFix: PriorityFix(dimension: "clarification", text: "Ask two clarifying questions first"),
        drill: "5 problems: two clarifying questions out loud before coding")

    @Test(arguments: TestDatabase.available)
    func seedingIsIdempotent(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, _ in
            let before = try await QuestionModel.query(on: db).count()
            try await ContentSeeder(db: db).seed(TestDatabase.content)
            #expect(try await QuestionModel.query(on: db).count() == before)
            #expect(before == TestDatabase.content.questions.count)
            #expect(try await RubricModel.query(on: db).count() == TestDatabase.content.rubrics.count)
        }
    }

    @Test(arguments: TestDatabase.available)
    func planStartScoreRetroAndDrill(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let sessions = SessionRepository(db: db, userID: owner)
            let qid = try #require(TestDatabase.content.questions.first { $0.type == .coding }?.id)
            let planned = try await sessions.create(SessionPlan(type: .coding, mode: .ai, questionId: qid))
            #expect(planned.status == .planned && planned.rubricId == "coding" && planned.questionId == qid && !planned.isRepeat)
            let started = try await sessions.start(planned.id)
            #expect(started.status == .started)
            await #expect(throws: MockLoopError.self) { try await sessions.start(planned.id) }
            let sheet = ScoreSheet(
                interviewerScores: ["clarification": DimensionScore(score: 2, note: "ok")], selfScores: ["clarification": 3], confidence: 2)
            let done = try await sessions.finish(planned.id, sheet: sheet)
            #expect(done.status == .completed && done.scores.interviewerScores["clarification"] == DimensionScore(score: 2, note: "ok"))
            #expect(done.scores.durationMinutes != nil, "duration comes from the clock when not given")

            let retros = RetroRepository(db: db, userID: owner)
            let withRetro = try await retros.save(Self.retro, sessionID: planned.id)
            #expect(withRetro.retro?.priorityFix.dimension == "clarification")
            await #expect { try await retros.save(Self.retro, sessionID: planned.id) } throws: {
                ($0 as? MockLoopError)?.kind == .conflict
            }
            var edited = Self.retro
            edited.priorityFix = PriorityFix(dimension: "communication", text: "Narrate while typing")
            #expect(try await retros.save(edited, sessionID: planned.id, replace: true).retro?.priorityFix.dimension == "communication")
            #expect(try await RetroModel.query(on: db).count() == 1)
            #expect(try await retros.setDrillDone(true, sessionID: planned.id).retro?.drill.done == true)

            let next = try await sessions.create(SessionPlan(type: .coding, mode: .peer, questionId: qid))
            #expect(next.isRepeat, "the same question again is flagged")
            let lastCoding = try await sessions.lastFix(type: .coding, excluding: next.id)
            let lastBehavioral = try await sessions.lastFix(type: .behavioral)
            #expect(lastCoding?.id == planned.id)
            #expect(lastBehavioral == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badScoresWriteNothing(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let sessions = SessionRepository(db: db, userID: owner)
            var plan = Self.scored()
            plan.scores?.interviewerScores["communication"] = DimensionScore(score: 4)
            await #expect(throws: MockLoopError.self) { try await sessions.create(plan) }
            let sessionRows = try await SessionModel.query(on: db).count()
            let scoreRows = try await ScoreModel.query(on: db).count()
            #expect(sessionRows == 0 && scoreRows == 0)
            await #expect { try await sessions.create(SessionPlan(type: .coding, mode: .peer, rubricId: "behavioral")) } throws: {
                ($0 as? MockLoopError)?.fields["rubricId"] != nil
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func usersSeeOnlyTheirOwnSessions(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let mine = try await SessionRepository(db: db, userID: owner).create(Self.scored())
            let other = try await OwnerRepository(db: db).createUser(name: "Other")
            await #expect { try await SessionRepository(db: db, userID: other).find(mine.id) } throws: {
                ($0 as? MockLoopError)?.kind == .notFound
            }
            #expect(try await LogRepository(db: db, userID: other).page(LogQuery()).total == 0)
            #expect(try await LogRepository(db: db, userID: owner).page(LogQuery()).total == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func clonedRubricIsEditableAndBuiltInsAreNot(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let rubrics = RubricRepository(db: db, userID: owner)
            let clone = try await rubrics.clone("coding", name: "Coding, my way")
            #expect(clone.rubric.id == "coding-my-way" && !clone.builtIn && clone.clonedFrom == "coding")
            var edited = clone.rubric
            edited.dimensions[0].name = "Pin down the problem"
            #expect(try await rubrics.update(clone.rubric.id, with: edited).rubric.dimensions[0].name == "Pin down the problem")
            await #expect { try await rubrics.update("coding", with: edited) } throws: { ($0 as? MockLoopError)?.kind == .conflict }
            edited.dimensions[1].key = edited.dimensions[0].key
            await #expect(throws: MockLoopError.self) { try await rubrics.update(clone.rubric.id, with: edited) }
            let other = try await OwnerRepository(db: db).createUser(name: "Other")
            await #expect(throws: MockLoopError.self) { try await RubricRepository(db: db, userID: other).find(clone.rubric.id) }
        }
    }
}
