import Fluent
import Foundation
import MockLoopCore

/// Retrospectives: one per session, exactly one priority fix in each.
public struct RetroRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// Writes the retro. A session that already has one refuses a second priority fix
    /// unless `replace` says the user is editing the one they have.
    public func save(_ draft: RetroDraft, sessionID: UUID, replace: Bool = false) async throws -> LogEntry {
        let sessions = SessionRepository(db: db, userID: userID)
        let entry = try await sessions.find(sessionID)
        guard entry.status == .completed else {
            throw MockLoopError(.conflict, "score the session first: the retrospective comes after the scores")
        }
        let retro = try draft.validated(against: try await sessions.rubric(of: entry))
        if let existing = entry.retro, !replace {
            throw MockLoopError(
                .conflict,
                "this session already has its one priority fix (\"\(existing.priorityFix.text)\"); one fix per session: edit that fix instead of adding another",
                fields: ["priorityFix": "a second priority fix is not allowed"])
        }
        try await db.transaction { db in
            try await RetroModel.query(on: db).filter(\.$sessionID == sessionID).delete()
            try await SessionWriter(db: db, userID: userID).insertRetro(retro, sessionID: sessionID)
            var updated = entry
            updated.retro = retro
            try await SessionModel.query(on: db).filter(\.$id == sessionID)
                .set(\.$searchText, to: SessionWriter.searchText(updated)).update()
        }
        return try await sessions.find(sessionID)
    }

    public func setDrillDone(_ done: Bool, sessionID: UUID) async throws -> LogEntry {
        let sessions = SessionRepository(db: db, userID: userID)
        _ = try await sessions.find(sessionID)
        guard let r = try await RetroModel.query(on: db).filter(\.$sessionID == sessionID).first() else {
            throw MockLoopError.notFound("retrospective for session \(sessionID.uuidString.lowercased())")
        }
        r.drillDone = done
        r.drillDoneAt = done ? Date() : nil
        try await r.update(on: db)
        return try await sessions.find(sessionID)
    }
}
