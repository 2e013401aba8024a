import Fluent
import Foundation

/// A personal access token for the API (`Authorization: Bearer`); only its hash is kept.
public final class AccessTokenModel: Model, @unchecked Sendable {
    public static let schema = "access_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "name") public var name: String
    /// "read" or "read-write".
    @Field(key: "scope") public var scope: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?

    public init() {}
}

/// A one-time link to set a password: the first one of an account an admin made, or a reset.
public final class PasswordLinkModel: Model, @unchecked Sendable {
    public static let schema = "password_links"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    /// "set" or "reset".
    @Field(key: "purpose") public var purpose: String
    /// The admin who issued it; nil when it came from the command line.
    @OptionalField(key: "issued_by") public var issuedBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}
}
