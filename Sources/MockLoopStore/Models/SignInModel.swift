import Fluent
import Foundation

/// One signed-in device: the hash of its cookie's token, what it is, when it was last seen.
public final class SignInModel: Model, @unchecked Sendable {
    public static let schema = "sign_ins"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    /// "Firefox on Linux": from the browser's User-Agent, for the devices list.
    @Field(key: "device") public var device: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date
    /// The absolute end, however active the device is.
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}
}

/// A failed sign-in, under the account's key and the address's key; read by the throttle.
public final class SignInFailureModel: Model, @unchecked Sendable {
    public static let schema = "sign_in_failures"

    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(key: String, at: Date) {
        self.key = key
        self.at = at
    }
}
