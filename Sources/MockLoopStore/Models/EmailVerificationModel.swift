import Fluent
import Foundation

/// A one-time link that shows an e-mail address is its account's: sent to the address, opened once.
public final class EmailVerificationModel: Model, @unchecked Sendable {
    public static let schema = "email_verifications"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    /// The address it was sent to: a link for an address the account no longer has verifies nothing.
    @Field(key: "email") public var email: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}
}
