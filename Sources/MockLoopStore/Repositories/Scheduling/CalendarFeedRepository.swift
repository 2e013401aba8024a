import Fluent
import Foundation
import MockLoopCore

/// A user's calendar feed: a secret address calendars subscribe to (they cannot sign in), kept
/// only as a hash. A new address replaces the old one, which stops working at once; so does
/// turning the feed off.
public struct CalendarFeedRepository {
    public static let prefix = "mlc_"

    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// A new feed token, shown once; any earlier one is revoked in the same write.
    public func create(now: Date = Date()) async throws -> String {
        let token = SecretToken.make(prefix: Self.prefix)
        let userID = userID
        try await db.transaction { db in
            try await CalendarFeedModel.query(on: db).filter(\.$userID == userID).delete()
            let m = CalendarFeedModel()
            m.userID = userID
            m.tokenHash = SecretToken.hash(token)
            m.createdAt = now
            try await m.create(on: db)
        }
        return token
    }

    public func revoke() async throws {
        try await CalendarFeedModel.query(on: db).filter(\.$userID == userID).delete()
    }

    /// When the current feed was made, or nil when there is none.
    public func current() async throws -> Date? {
        try await CalendarFeedModel.query(on: db).filter(\.$userID == userID).first()?.createdAt
    }

    /// Whose feed a token opens (an enabled account's), or nil.
    public static func owner(of token: String, on db: Database) async throws -> UUID? {
        guard token.hasPrefix(prefix), token.count < 100,
            let m = try await CalendarFeedModel.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).first(),
            let user = try await UserModel.find(m.userID, on: db), !user.disabled
        else { return nil }
        return m.userID
    }
}
