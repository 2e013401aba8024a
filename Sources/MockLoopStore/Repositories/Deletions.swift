import Fluent
import Foundation
import MockLoopCore

extension SessionRepository {
    /// Deletes a session with everything that hangs off it — scores, retro, transcript, code
    /// runs, a timed mock's state — in one transaction, and takes it out of the insight
    /// roll-ups. Another user's session is a 404, as if it did not exist.
    public func delete(_ id: UUID) async throws {
        let s = try await model(id)
        let type = InterviewType(rawValue: s.type) ?? .coding
        let day = InsightRollup.day(s.startedAt)
        let userID = userID
        try await db.transaction { db in
            try await ScoreModel.query(on: db).filter(\.$sessionID == id).delete()
            try await RetroModel.query(on: db).filter(\.$sessionID == id).delete()
            try await TranscriptModel.query(on: db).filter(\.$sessionID == id).delete()
            try await CodeRunModel.query(on: db).filter(\.$sessionID == id).delete()
            try await PracticeStateModel.query(on: db).filter(\.$sessionID == id).delete()
            try await SessionModel.query(on: db).filter(\.$id == id).filter(\.$userID == userID).delete()
            try await InsightRollup(db: db, userID: userID).refresh(type: type, days: [day])
        }
    }
}

extension QuestionRepository {
    /// Deletes one of the user's own questions. Sessions on it keep their copy of its title
    /// (the log still reads right); built-in questions are shared and cannot be deleted.
    public func delete(_ id: String) async throws {
        let found = try await find(id)
        guard !found.builtIn else { throw MockLoopError(.conflict, "built-in questions cannot be deleted") }
        try await QuestionModel.query(on: db).filter(\.$id == OwnedKey.make(id, owner: userID)).filter(\.$ownerID == userID).delete()
    }
}

extension RubricRepository {
    /// Deletes one of the user's own rubrics (a clone). A rubric that sessions were scored on
    /// stays: their scores are read against its dimensions, so deleting it would orphan them.
    public func delete(_ id: String) async throws {
        let found = try await find(id)
        guard !found.builtIn else { throw MockLoopError(.conflict, "built-in rubrics cannot be deleted") }
        let used = try await SessionModel.query(on: db).filter(\.$userID == userID).filter(\.$rubricID == id).count()
        guard used == 0 else {
            throw MockLoopError(
                .conflict, "rubric '\(id)' is used by \(used) session\(used == 1 ? "" : "s"): their scores are read against it, so it stays"
            )
        }
        try await RubricModel.query(on: db).filter(\.$id == OwnedKey.make(id, owner: userID)).filter(\.$ownerID == userID).delete()
    }
}
