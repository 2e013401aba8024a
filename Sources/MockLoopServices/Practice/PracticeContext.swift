import Fluent
import Foundation
import MockLoopCore
import MockLoopStore

/// What a timed mock reads but never changes while it runs: its questions, its rubric and the
/// fix to watch. Read from the store once per session and kept, so an answer reads and writes
/// only the session's state.
struct PracticeContext: Sendable {
    var questions: [String: Question]
    var rubric: Rubric
    var watch: PracticeView.WatchFix?

    func question(_ id: String) throws -> Question {
        guard let q = questions[id] else { throw MockLoopError.notFound("question '\(id)'") }
        return q
    }

    static func load(_ state: PracticeState, db: Database, userID: UUID) async throws -> PracticeContext {
        let bank = QuestionRepository(db: db, userID: userID)
        var questions: [String: Question] = [:]
        for id in state.questionIds { questions[id] = try await bank.find(id).question }
        let sessions = SessionRepository(db: db, userID: userID)
        let entry = try await sessions.find(state.sessionId)
        let rubric = try await sessions.rubric(of: entry)
        let last = try await sessions.lastFix(type: state.type, before: entry.date, excluding: entry.id)
        return PracticeContext(questions: questions, rubric: rubric, watch: PracticeView.WatchFix(last, rubric: rubric))
    }
}

/// The contexts of the mocks running in this process, by user and session; the oldest go first
/// once `capacity` is reached. Nothing here is a source of truth: a miss reads the store again.
actor PracticeContexts {
    static let shared = PracticeContexts()

    struct Key: Hashable {
        var user: UUID
        var session: UUID
    }

    let capacity: Int
    private var contexts: [Key: PracticeContext] = [:]
    private var order: [Key] = []

    init(capacity: Int = 512) { self.capacity = capacity }

    func context(_ key: Key, load: () async throws -> PracticeContext) async throws -> PracticeContext {
        if let found = contexts[key] { return found }
        let loaded = try await load()
        if contexts[key] == nil {
            order.append(key)
            if order.count > capacity { contexts[order.removeFirst()] = nil }
        }
        contexts[key] = loaded
        return loaded
    }
}

extension PracticeView.WatchFix {
    /// "Today, watch: …" from the last retrospective of this type, named by the rubric's dimension.
    public init?(_ last: LogEntry?, rubric: Rubric) {
        guard let r = last?.retro else { return nil }
        self.init(
            dimension: r.priorityFix.dimension, name: rubric.dimension(r.priorityFix.dimension)?.name ?? r.priorityFix.dimension,
            text: r.priorityFix.text, drill: r.drill.text)
    }
}
