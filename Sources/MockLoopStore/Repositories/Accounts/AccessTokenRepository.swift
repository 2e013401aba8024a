import Fluent
import Foundation
import MockLoopCore

/// A user's personal access tokens for the API. The token is shown once, when it is made;
/// afterwards only its name, scope and dates are known.
public struct AccessTokenRepository {
    public enum Scope: String, Sendable, CaseIterable {
        case read
        case readWrite = "read-write"
    }

    public static let prefix = "mlt_"

    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    public func create(
        name: String, scope: Scope, expiresAt: Date, now: Date = Date()
    ) async throws -> (
        token: String, model: AccessTokenModel
    ) {
        let token = SecretToken.make(prefix: Self.prefix)
        let m = AccessTokenModel()
        m.userID = userID
        m.name = name
        m.scope = scope.rawValue
        m.tokenHash = SecretToken.hash(token)
        m.createdAt = now
        m.expiresAt = expiresAt
        try await m.create(on: db)
        return (token, m)
    }

    public func list() async throws -> [AccessTokenModel] {
        try await AccessTokenModel.query(on: db).filter(\.$userID == userID).sort(\.$createdAt, .descending).all()
    }

    /// Revokes one of the user's tokens; another user's token is "not found".
    public func revoke(_ id: UUID) async throws {
        guard let m = try await AccessTokenModel.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first() else {
            throw MockLoopError.notFound("token")
        }
        try await m.delete(on: db)
    }

    /// The user and scope a bearer token opens, or nil when it is unknown, expired or its
    /// account is disabled.
    public static func resolve(_ token: String, db: Database, now: Date = Date()) async throws -> (user: UserModel, scope: Scope)? {
        guard token.hasPrefix(prefix),
            let m = try await AccessTokenModel.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).first(),
            m.expiresAt > now, let scope = Scope(rawValue: m.scope),
            let user = try await UserModel.find(m.userID, on: db), !user.disabled, user.email != nil
        else { return nil }
        if m.lastUsedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            m.lastUsedAt = now
            try await m.save(on: db)
        }
        return (user, scope)
    }
}
