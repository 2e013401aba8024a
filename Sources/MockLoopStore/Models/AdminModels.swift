import Fluent
import Foundation

/// An invite code an admin made: only its hash is kept; it works until it expires or is used up.
public final class InviteModel: Model, @unchecked Sendable {
    public static let schema = "invites"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code_hash") public var codeHash: String
    @Field(key: "created_by") public var createdBy: UUID
    @OptionalField(key: "note") public var note: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @Field(key: "uses_left") public var usesLeft: Int
    @Field(key: "used") public var used: Int

    public init() {}
}

/// One admin action: who did what to whom, when. `subject` is the account's email at the time.
public final class AuditEventModel: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "action") public var action: String
    @OptionalField(key: "subject_id") public var subjectID: UUID?
    @OptionalField(key: "subject") public var subject: String?

    public init() {}
}
