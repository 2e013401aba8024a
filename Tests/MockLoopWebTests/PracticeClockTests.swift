import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import Testing

/// The clock and concurrency rules of a timed mock, driven through the service with explicit
/// times: time running out finishes the mock (keeping the last answer), a pause stops the
/// clock, and a stale window cannot overwrite newer answers.
@Suite struct PracticeClockTests {
    static func service(_ db: Database, _ owner: UUID) -> PracticeService {
        PracticeService(db: db, userID: owner, runner: nil, voice: BuiltInVoice())
    }

    @Test(arguments: TestDatabase.available)
    func timeUpFinishesAndKeepsTheLastAnswer(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let s = Self.service(db, owner)
            let t0 = Date(timeIntervalSince1970: 1_800_000_000)
            let v = try await s.start(.init(type: "coding", minutes: 10, questionId: "balanced-brackets", seed: 2), now: t0)
            _ = try await s.pause(v.id, now: t0.addingTimeInterval(60))
            let paused = try await s.show(v.id, now: t0.addingTimeInterval(400))
            #expect(paused.clock.elapsedSeconds == 60, "the clock stops while paused")
            _ = try await s.resume(v.id, now: t0.addingTimeInterval(400))
            let nudged = try await s.show(v.id, now: t0.addingTimeInterval(400 + 90))
            #expect(nudged.nudge?.contains("over on Clarify") == true, "\(nudged.nudge ?? "nil")")
            let late = try await s.answer(
                v.id, .init(text: "Use a stack of open brackets; O(n) time and O(n) space, and an empty string is balanced."),
                now: t0.addingTimeInterval(400 + 600))
            #expect(late.status == .finished)
            #expect(late.turns.contains { $0.kind == .answer && $0.text.hasPrefix("Use a stack") }, "words sent at the buzzer are kept")
            #expect(late.turns.last?.rule == "time_up")
            #expect(late.clock.elapsedSeconds == 600)
            #expect(late.result?.dimensions.contains { $0.key == "optimization_discussion" && $0.aiScore == 2 } == true)
            let entry = try await SessionRepository(db: db, userID: owner).find(v.id)
            #expect(entry.status == .completed)
            #expect(entry.scores.durationMinutes == 10)
            #expect(entry.scores.pauses == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aStaleWindowGetsAConflictNotALostAnswer(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let s = Self.service(db, owner)
            let v = try await s.start(.init(type: "system_design", seed: 9))
            let repo = PracticeRepository(db: db, userID: owner)
            let stale = try await repo.load(v.id)
            _ = try await s.answer(v.id, .init(text: "Who are the users, and how many writes per second at peak?"))
            var overwrite = stale.state
            overwrite.turns.removeAll()
            await #expect(throws: PracticeRepository.StaleRevision.self) {
                _ = try await repo.save(overwrite, revision: stale.revision, now: Date())
            }
            let now = try await repo.load(v.id)
            #expect(now.state.turns.contains { $0.text.hasPrefix("Who are the users") })
        }
    }

    /// The editor's autosave and an answer arrive together: both land.
    @Test(arguments: TestDatabase.available)
    func concurrentChangesAreAllKept(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let s = Self.service(db, owner)
            let v = try await s.start(.init(type: "coding", questionId: "balanced-brackets", seed: 2))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<4 {
                    group.addTask { _ = try await s.answer(v.id, .init(text: "Answer number \(i): can the input be empty?")) }
                    group.addTask { _ = try await s.saveCode(v.id, .init(code: "def is_balanced(s):\n    return \(i)\n")) }
                }
                try await group.waitForAll()
            }
            let after = try await s.show(v.id)
            for i in 0..<4 { #expect(after.turns.contains { $0.text == "Answer number \(i): can the input be empty?" }) }
        }
    }

    @Test func theEditorsAutosaveKeepsAPauseAndAResentAnswerIsNotDoubled() async throws {
        try await withStore(.sqlite) { db, owner in
            let s = Self.service(db, owner)
            let t0 = Date(timeIntervalSince1970: 1_800_000_000)
            let v = try await s.start(.init(type: "coding", questionId: "balanced-brackets", seed: 2), now: t0)
            _ = try await s.pause(v.id, now: t0.addingTimeInterval(30))
            let saved = try await s.saveCode(v.id, .init(code: "def is_balanced(s):\n    pass\n"), now: t0.addingTimeInterval(40))
            #expect(saved.status == .paused)
            #expect(saved.code.hasPrefix("def is_balanced"))
            #expect(try await s.show(v.id, now: t0.addingTimeInterval(300)).clock.elapsedSeconds == 30, "the clock stays stopped")
            let once = try await s.answer(v.id, .init(text: "Can the string be empty?", clientId: "a-1"), now: t0.addingTimeInterval(310))
            let twice = try await s.answer(v.id, .init(text: "Can the string be empty?", clientId: "a-1"), now: t0.addingTimeInterval(311))
            #expect(twice.turns.count == once.turns.count)
            #expect(twice.turns.filter { $0.text == "Can the string be empty?" }.count == 1)
        }
    }

    @Test func nothingSaidMeansAbandonedWithoutScores() async throws {
        try await withStore(.sqlite) { db, owner in
            let s = Self.service(db, owner)
            let t0 = Date(timeIntervalSince1970: 1_800_000_000)
            let v = try await s.start(.init(type: "behavioral", minutes: 20, seed: 4), now: t0)
            #expect(v.prompts == 2)
            let over = try await s.show(v.id, now: t0.addingTimeInterval(20 * 60 + 1))
            #expect(over.status == .abandoned)
            let entry = try await SessionRepository(db: db, userID: owner).find(v.id)
            #expect(entry.status == .abandoned)
            #expect(entry.scores.interviewerScores.isEmpty)
        }
    }
}
