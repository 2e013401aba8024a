import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// E-mail address verification: a one-time link to the account's address (a new one ends the
/// older ones), which marks the address verified when opened. Kept apart from password links, so
/// neither kind of token can stand for the other.
public struct EmailVerificationRepository {
    public static let prefix = "mlv_"
    public static let lifetime: TimeInterval = 7 * 86400

    let db: Database

    public init(db: Database) { self.db = db }

    /// A new link's token for the account's current address; nil when it has none or it is verified.
    public func issue(for user: UserModel, now: Date) async throws -> String? {
        guard let email = user.email, user.emailVerifiedAt == nil else { return nil }
        let userID = try user.requireID()
        let token = SecretToken.make(prefix: Self.prefix)
        try await db.transaction { db in
            try await EmailVerificationModel.query(on: db).filter(\.$userID == userID).filter(\.$usedAt == nil).delete()
            let m = EmailVerificationModel()
            m.userID = userID
            m.email = email
            m.tokenHash = SecretToken.hash(token)
            m.createdAt = now
            m.expiresAt = now.addingTimeInterval(Self.lifetime)
            try await m.create(on: db)
        }
        return token
    }

    /// Opens a link: the account it verified, or nil for a token unknown, used, expired, or for
    /// an address the account no longer has. Used once, even by two tabs at once.
    public func redeem(_ token: String, now: Date) async throws -> UserModel? {
        guard token.hasPrefix(Self.prefix), token.count < 100,
            let m = try await EmailVerificationModel.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).first(),
            m.usedAt == nil, m.expiresAt > now, let user = try await UserModel.find(m.userID, on: db), user.email == m.email
        else { return nil }
        return try await db.transaction { db in
            let rows = try await (db as! SQLDatabase).update(EmailVerificationModel.schema).set("used_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(try m.requireID())).where("used_at", .is, SQLLiteral.null).returning("id").all()
            guard !rows.isEmpty else { return nil }
            user.emailVerifiedAt = user.emailVerifiedAt ?? now
            try await user.update(on: db)
            return user
        }
    }
}
