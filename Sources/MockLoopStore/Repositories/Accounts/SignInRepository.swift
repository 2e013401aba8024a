import Fluent
import Foundation
import MockLoopCore

/// Signed-in devices, kept in the database so every instance of the app knows them. A device
/// signs out when idle too long or at its absolute end, whichever comes first.
public struct SignInRepository {
    /// How long a device stays signed in: without a request (`idle`), and at most (`absolute`).
    public struct Lifetime: Sendable {
        public var idle: TimeInterval
        public var absolute: TimeInterval

        public init(idle: TimeInterval, absolute: TimeInterval) {
            self.idle = idle
            self.absolute = absolute
        }
    }

    /// A request refreshes `last_seen_at` at most this often, so reading pages is not a write each time.
    static let touchEvery: TimeInterval = 60

    let db: Database

    public init(db: Database) { self.db = db }

    /// Signs a device in; returns the cookie's token (never stored) and the device's row.
    public func create(
        userID: UUID, device: String, lifetime: Lifetime, now: Date = Date()
    ) async throws -> (
        token: String, signIn: SignInModel
    ) {
        let token = SecretToken.make()
        let m = SignInModel()
        m.userID = userID
        m.tokenHash = SecretToken.hash(token)
        m.device = String(device.prefix(120))
        m.createdAt = now
        m.lastSeenAt = now
        m.expiresAt = now.addingTimeInterval(lifetime.absolute)
        try await m.create(on: db)
        return (token, m)
    }

    /// The user a cookie's token signs in, or nil when it is unknown, idle too long, past its end
    /// or the account is disabled. An expired row is removed.
    public func resolve(token: String, lifetime: Lifetime, now: Date = Date()) async throws -> (user: UserModel, signIn: SignInModel)? {
        // One round trip with the user joined: this runs on every signed-in request.
        guard
            let m = try await SignInModel.query(on: db).join(UserModel.self, on: \SignInModel.$userID == \UserModel.$id)
                .filter(\.$tokenHash == SecretToken.hash(token)).first()
        else { return nil }
        if m.expiresAt <= now || m.lastSeenAt.addingTimeInterval(lifetime.idle) <= now {
            try await m.delete(on: db)
            return nil
        }
        let user = try m.joined(UserModel.self)
        guard !user.disabled, user.email != nil else { return nil }
        if now.timeIntervalSince(m.lastSeenAt) >= Self.touchEvery {
            m.lastSeenAt = now
            try await m.save(on: db)
        }
        return (user, m)
    }

    /// A user's devices, the most recently seen first.
    public func list(userID: UUID) async throws -> [SignInModel] {
        try await SignInModel.query(on: db).filter(\.$userID == userID).sort(\.$lastSeenAt, .descending).all()
    }

    /// Signs one of the user's devices out; another user's device is "not found".
    public func revoke(_ id: UUID, userID: UUID) async throws {
        guard let m = try await SignInModel.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first() else {
            throw MockLoopError.notFound("device")
        }
        try await m.delete(on: db)
    }

    /// Signs every device of the user out.
    public func revokeAll(userID: UUID) async throws {
        try await SignInModel.query(on: db).filter(\.$userID == userID).delete()
    }
}
