import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// One-time links to set a password: the first of an account an admin made ("set"), or a
/// reset. A link works once and until it expires; issuing a new one ends the older ones.
public struct PasswordLinkRepository {
    public enum Purpose: String, Sendable {
        case set
        case reset
    }

    let db: Database

    public init(db: Database) { self.db = db }

    public func issue(
        userID: UUID, purpose: Purpose, issuedBy: UUID?, lifetime: TimeInterval = 72 * 3600, now: Date = Date()
    ) async throws -> String {
        let token = SecretToken.make()
        try await db.transaction { db in
            try await PasswordLinkModel.query(on: db).filter(\.$userID == userID).filter(\.$usedAt == nil).delete()
            let m = PasswordLinkModel()
            m.userID = userID
            m.tokenHash = SecretToken.hash(token)
            m.purpose = purpose.rawValue
            m.issuedBy = issuedBy
            m.createdAt = now
            m.expiresAt = now.addingTimeInterval(lifetime)
            try await m.create(on: db)
        }
        return token
    }

    /// The open link a token names, or nil when it is unknown, used or expired.
    public func find(_ token: String, now: Date = Date()) async throws -> PasswordLinkModel? {
        guard let m = try await PasswordLinkModel.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).first(),
            m.usedAt == nil, m.expiresAt > now
        else { return nil }
        return m
    }

    /// Marks the link used; false when it was used already (two tabs sending at once).
    public func redeem(_ link: PasswordLinkModel, now: Date = Date()) async throws -> Bool {
        guard let id = link.id, let sql = db as? SQLDatabase else { return false }
        // One conditional UPDATE: of two requests racing, only one sees its row come back.
        let rows = try await sql.update(PasswordLinkModel.schema).set("used_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id)).where("used_at", .is, SQLLiteral.null).returning("id").all()
        return rows.count == 1
    }

    /// A reset an admin issued that the user has not acted on yet, for the notice they are shown.
    public func pendingReset(userID: UUID, now: Date = Date()) async throws -> PasswordLinkModel? {
        try await PasswordLinkModel.query(on: db).filter(\.$userID == userID).filter(\.$purpose == Purpose.reset.rawValue)
            .filter(\.$usedAt == nil).filter(\.$expiresAt > now).filter(\.$issuedBy != nil).first()
    }
}
