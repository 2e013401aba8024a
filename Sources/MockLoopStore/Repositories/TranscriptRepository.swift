import Fluent
import Foundation
import MockLoopCore

/// A session's transcript: attached (or replaced) whole, read back for analysis.
public struct TranscriptRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    public struct Stored: Sendable {
        public var format: String
        public var candidate: String?
        public var text: String
    }

    /// Replaces any earlier transcript of the session, in one transaction.
    public func attach(_ text: String, format: String, candidate: String?, to sessionID: UUID) async throws {
        _ = try await SessionRepository(db: db, userID: userID).find(sessionID)
        try await db.transaction { db in
            try await TranscriptModel.query(on: db).filter(\.$sessionID == sessionID).delete()
            let t = TranscriptModel()
            t.sessionID = sessionID
            t.format = format
            t.candidate = candidate
            t.text = text
            try await t.create(on: db)
        }
    }

    public func find(sessionID: UUID) async throws -> Stored? {
        _ = try await SessionRepository(db: db, userID: userID).find(sessionID)
        return try await TranscriptModel.query(on: db).filter(\.$sessionID == sessionID).first()
            .map { Stored(format: $0.format, candidate: $0.candidate, text: $0.text) }
    }
}
