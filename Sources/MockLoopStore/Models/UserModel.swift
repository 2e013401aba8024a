import Fluent
import Foundation

/// A person using this instance. Solo use has one: the local owner, made on first run. With
/// accounts, the first admin's account is that same row, so it keeps everything made solo.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    /// The display name.
    @Field(key: "name") public var name: String
    @Field(key: "is_owner") public var isOwner: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// Lower case; nil for the local owner before accounts are used.
    @OptionalField(key: "email") public var email: String?
    /// Bcrypt; nil until a password is set (an account made by an admin waits for its link).
    @OptionalField(key: "password_hash") public var passwordHash: String?
    @Field(key: "is_admin") public var isAdmin: Bool
    @Field(key: "disabled") public var disabled: Bool
    @OptionalField(key: "password_changed_at") public var passwordChangedAt: Date?
    /// When the address was shown to be theirs (a link mailed to it was opened); mails about
    /// mocks go only to a verified address.
    @OptionalField(key: "email_verified_at") public var emailVerifiedAt: Date?

    public init() {}

    public init(id: UUID? = nil, name: String, isOwner: Bool) {
        self.id = id
        self.name = name
        self.isOwner = isOwner
        self.isAdmin = false
        self.disabled = false
    }
}
