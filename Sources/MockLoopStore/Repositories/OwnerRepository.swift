import Fluent
import Foundation

/// The local owner: solo use needs no account, yet every row still belongs to a user id.
public struct OwnerRepository {
    let db: Database

    public init(db: Database) { self.db = db }

    public func ensureOwner() async throws -> UUID {
        if let owner = try await UserModel.query(on: db).filter(\.$isOwner == true).sort(\.$createdAt).first() {
            return owner.id!
        }
        let owner = UserModel(name: "Me", isOwner: true)
        try await owner.create(on: db)
        return owner.id!
    }

    /// Another user (benchmarks and isolation tests use these).
    public func createUser(name: String) async throws -> UUID {
        let user = UserModel(name: name, isOwner: false)
        try await user.create(on: db)
        return user.id!
    }
}
