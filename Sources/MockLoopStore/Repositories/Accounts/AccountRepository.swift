import Fluent
import Foundation
import MockLoopCore

/// The accounts of an instance: people with an email and a password. The first account takes
/// over the local owner's row, so everything made before accounts were switched on stays its own.
public struct AccountRepository {
    let db: Database

    public init(db: Database) { self.db = db }

    public func find(email: String) async throws -> UserModel? {
        try await UserModel.query(on: db).filter(\.$email == email).first()
    }

    public func find(id: UUID) async throws -> UserModel? { try await UserModel.find(id, on: db) }

    /// Display names by user id.
    public func names(of ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.name) })
    }

    /// True before anyone has an account (the local owner has no email yet).
    public func isEmpty() async throws -> Bool {
        try await UserModel.query(on: db).filter(\.$email != nil).count() == 0
    }

    /// A new account. The first one on an instance is the local owner's row, made an account.
    /// `passwordHash` nil leaves the password to a one-time link.
    public func create(email: String, name: String, passwordHash: String?, isAdmin: Bool, now: Date = Date()) async throws -> UserModel {
        try await db.transaction { db in
            let repo = AccountRepository(db: db)
            if try await repo.find(email: email) != nil {
                throw MockLoopError(.conflict, "An account with this email already exists.", fields: ["email": "already has an account"])
            }
            let user: UserModel
            if try await repo.isEmpty() {
                let ownerID = try await OwnerRepository(db: db).ensureOwner()
                user = try await UserModel.find(ownerID, on: db)!
            } else {
                user = UserModel(name: name, isOwner: false)
            }
            user.name = name
            user.email = email
            user.passwordHash = passwordHash
            user.passwordChangedAt = passwordHash == nil ? nil : now
            user.isAdmin = isAdmin || user.isOwner
            try await user.save(on: db)
            return user
        }
    }

    /// Sets a new password and signs every device out (a changed password ends old sign-ins),
    /// except `keeping` (the device that changed it).
    public func setPassword(_ userID: UUID, hash: String, keeping: UUID? = nil, now: Date = Date()) async throws {
        try await db.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { throw MockLoopError.notFound("account") }
            user.passwordHash = hash
            user.passwordChangedAt = now
            try await user.save(on: db)
            var others = SignInModel.query(on: db).filter(\.$userID == userID)
            if let keeping { others = others.filter(\.$id != keeping) }
            try await others.delete()
        }
    }
}
