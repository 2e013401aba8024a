import Fluent
import Foundation
import MockLoopCore

/// Stored code runs and the rates users track: how often their code compiles, how often it passes.
public struct CodeRunRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// A run as stored (the runner's report without per-test details).
    public struct Run: Codable, Sendable, Equatable {
        public var id: UUID
        public var sessionId: UUID?
        public var questionId: String?
        public var language: Language
        public var verdict: Verdict
        public var compiled: Bool?
        public var passed: Int
        public var total: Int
        public var totalMs: Double
        public var createdAt: Date

        public init(
            id: UUID = UUID(), sessionId: UUID?, questionId: String?, language: Language, verdict: Verdict,
            compiled: Bool?, passed: Int, total: Int, totalMs: Double, createdAt: Date = Date()
        ) {
            self.id = id
            self.sessionId = sessionId
            self.questionId = questionId
            self.language = language
            self.verdict = verdict
            self.compiled = compiled
            self.passed = passed
            self.total = total
            self.totalMs = totalMs
            self.createdAt = createdAt
        }
    }

    public struct Summary: Codable, Sendable, Equatable {
        public var runs: Int
        /// Runs that compiled (or parsed) among those where it was decided; nil with no such run.
        public var compileRate: Double?
        /// Runs that passed every test.
        public var passRate: Double?
    }

    /// Stores a run; a session, when named, must be the user's.
    public func record(_ run: Run) async throws {
        if let sessionID = run.sessionId {
            _ = try await SessionRepository(db: db, userID: userID).find(sessionID)
        }
        try await insert(run)
    }

    /// Writes a run whose session the caller knows to be the user's (checked, or just made).
    func insert(_ run: Run) async throws {
        let model = CodeRunModel()
        model.id = run.id
        model.userID = userID
        model.sessionID = run.sessionId
        model.questionID = run.questionId
        model.language = run.language
        model.verdict = run.verdict
        model.compiled = run.compiled
        model.passed = run.passed
        model.total = run.total
        model.totalMs = run.totalMs
        model.createdAt = run.createdAt
        try await model.create(on: db)
    }

    /// The newest runs first, for one session or all of the user's.
    public func list(sessionID: UUID? = nil, limit: Int = 50) async throws -> [Run] {
        var query = CodeRunModel.query(on: db).filter(\.$userID == userID)
        if let sessionID { query = query.filter(\.$sessionID == sessionID) }
        return try await query.sort(\.$createdAt, .descending).limit(limit).all().map { m in
            Run(
                id: m.id!, sessionId: m.sessionID, questionId: m.questionID, language: m.language, verdict: m.verdict,
                compiled: m.compiled, passed: m.passed, total: m.total, totalMs: m.totalMs, createdAt: m.createdAt)
        }
    }

    public func summary(sessionID: UUID? = nil) async throws -> Summary {
        func base() -> QueryBuilder<CodeRunModel> {
            let q = CodeRunModel.query(on: db).filter(\.$userID == userID)
            return sessionID.map { id in q.filter(\.$sessionID == id) } ?? q
        }
        let runs = try await base().count()
        let decided = try await base().filter(\.$compiled != nil).count()
        let compiled = try await base().filter(\.$compiled == true).count()
        let accepted = try await base().filter(\.$verdict == .accepted).count()
        return Summary(
            runs: runs,
            compileRate: decided == 0 ? nil : Double(compiled) / Double(decided),
            passRate: runs == 0 ? nil : Double(accepted) / Double(runs))
    }
}
