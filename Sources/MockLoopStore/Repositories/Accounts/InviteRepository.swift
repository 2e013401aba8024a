import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Invite codes for sign-up when the policy is `invite`: made by admins, shown once, each good
/// for a number of sign-ups until it expires.
public struct InviteRepository {
    public static let prefix = "mli_"

    let db: Database

    public init(db: Database) { self.db = db }

    public func create(
        by admin: UUID, uses: Int, days: Int, note: String?, now: Date = Date()
    ) async throws -> (code: String, invite: InviteModel) {
        let code = SecretToken.make(prefix: Self.prefix)
        let m = InviteModel()
        m.codeHash = SecretToken.hash(code)
        m.createdBy = admin
        m.note = note
        m.createdAt = now
        m.expiresAt = now.addingTimeInterval(Double(days) * 86400)
        m.usesLeft = uses
        m.used = 0
        try await m.create(on: db)
        return (code, m)
    }

    public func list() async throws -> [InviteModel] { try await InviteModel.query(on: db).sort(\.$createdAt, .descending).all() }

    public func revoke(_ id: UUID) async throws {
        guard let m = try await InviteModel.find(id, on: db) else { throw MockLoopError.notFound("invite") }
        try await m.delete(on: db)
    }

    /// Takes one use of a code; false when it is unknown, expired or used up. One conditional
    /// UPDATE, so two sign-ups racing for the last use cannot both get it.
    public func redeem(_ code: String, now: Date = Date()) async throws -> Bool {
        guard let sql = db as? SQLDatabase else { return false }
        let rows = try await sql.update(InviteModel.schema)
            .set("uses_left", to: SQLRaw("uses_left - 1")).set("used", to: SQLRaw("used + 1"))
            .where("code_hash", .equal, SQLBind(SecretToken.hash(code))).where("uses_left", .greaterThan, SQLBind(0))
            .where("expires_at", .greaterThan, SQLBind(now)).returning("id").all()
        return rows.count == 1
    }
}
