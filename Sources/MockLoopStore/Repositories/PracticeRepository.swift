import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Timed AI mocks of one user: the session row (mode `ai`) and its server-side state, written
/// together; every save names the revision it read, so a stale window gets a conflict instead
/// of silently overwriting newer answers.
public struct PracticeRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// Someone saved since the state was read: read it again and redo the change.
    public struct StaleRevision: Error, Sendable {}

    public struct Loaded: Sendable {
        public var state: PracticeState
        public var revision: Int
        /// The result as stored when the mock ended (JSON), nil while it runs.
        public var feedback: String?

        public init(state: PracticeState, revision: Int, feedback: String?) {
            self.state = state
            self.revision = revision
            self.feedback = feedback
        }
    }

    /// Plans the session, starts its clock and stores the state, in one transaction.
    public func start(_ plan: SessionPlan, state: PracticeState, now: Date) async throws -> Loaded {
        var entry = try await SessionRepository(db: db, userID: userID).entry(for: plan, now: now)
        entry.status = .started
        entry.date = now
        var state = state
        state.sessionId = entry.id
        state.startedAt = now
        let final = entry
        let json = try Self.encode(state)
        let status = state.status.rawValue
        try await db.transaction { db in
            try await SessionWriter(db: db, userID: userID).insert(final, importKey: nil)
            let row = PracticeStateModel()
            row.userID = userID
            row.sessionID = final.id
            row.status = status
            row.state = json
            row.revision = 1
            row.updatedAt = now
            try await row.create(on: db)
            try await InsightRollup(db: db, userID: userID).refresh(type: final.type, days: [InsightRollup.day(now)])
        }
        return Loaded(state: state, revision: 1, feedback: nil)
    }

    public func load(_ sessionID: UUID) async throws -> Loaded {
        guard let row = try await PracticeStateModel.query(on: db).filter(\.$sessionID == sessionID).filter(\.$userID == userID).first()
        else {
            throw MockLoopError.notFound("practice session \(sessionID.uuidString.lowercased())")
        }
        let state = try JSONDecoder.practice.decode(PracticeState.self, from: Data(row.state.utf8))
        return Loaded(state: state, revision: row.revision, feedback: row.feedback)
    }

    /// Stores the state if nobody saved since `revision`; returns the new revision.
    public func save(_ state: PracticeState, revision: Int, now: Date) async throws -> Int {
        try await compareAndSet(state, revision: revision, feedback: nil, now: now, on: db)
    }

    /// Ends the mock in one transaction: its state and result, the session's scores (or its
    /// abandoned status), and its transcript.
    public func end(
        _ state: PracticeState, revision: Int, sheet: ScoreSheet?, transcript: (text: String, format: String)?,
        feedback: String?, now: Date
    ) async throws -> Int {
        try await db.transaction { db in
            let next = try await compareAndSet(state, revision: revision, feedback: feedback, now: now, on: db)
            guard let s = try await SessionModel.query(on: db).filter(\.$id == state.sessionId).filter(\.$userID == userID).first() else {
                throw MockLoopError.notFound("session \(state.sessionId.uuidString.lowercased())")
            }
            if let sheet, state.status == .finished {
                try await SessionWriter(db: db, userID: userID).score(s, sheet: sheet, now: now)
            } else {
                s.status = SessionStatus.abandoned.rawValue
                s.finishedAt = now
                s.durationMinutes = sheet?.durationMinutes
                s.hintsUsed = state.hintsUsed
                s.pauses = min(50, state.pauses.count)
                try await s.update(on: db)
                try await InsightRollup(db: db, userID: userID).refresh(type: state.type, days: [InsightRollup.day(s.startedAt)])
            }
            if let transcript {
                try await TranscriptModel.query(on: db).filter(\.$sessionID == state.sessionId).delete()
                let t = TranscriptModel()
                t.sessionID = state.sessionId
                t.format = transcript.format
                t.candidate = "Candidate"
                t.text = transcript.text
                try await t.create(on: db)
            }
            return next
        }
    }

    func compareAndSet(_ state: PracticeState, revision: Int, feedback: String?, now: Date, on db: Database) async throws -> Int {
        guard let sql = db as? SQLDatabase else { throw MockLoopError(.unavailable, "the store does not speak SQL") }
        var update = sql.update(PracticeStateModel.schema)
            .set("state", to: SQLBind(try Self.encode(state)))
            .set("status", to: SQLBind(state.status.rawValue))
            .set("revision", to: SQLBind(revision + 1))
            .set("updated_at", to: SQLBind(now))
        if let feedback { update = update.set("feedback", to: SQLBind(feedback)) }
        let rows =
            try await update
            .where("session_id", .equal, SQLBind(state.sessionId))
            .where("user_id", .equal, SQLBind(userID))
            .where("revision", .equal, SQLBind(revision))
            .returning("revision").all()
        guard !rows.isEmpty else { throw StaleRevision() }
        return revision + 1
    }

    static func encode(_ state: PracticeState) throws -> String {
        String(decoding: try JSONEncoder.practice.encode(state), as: UTF8.self)
    }
}

extension JSONEncoder {
    /// Dates as fractional seconds, so a reloaded clock is exact to the millisecond.
    static let practice: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .secondsSince1970
        return e
    }()
}

extension JSONDecoder {
    static let practice: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }()
}
