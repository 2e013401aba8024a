import Fluent
import Foundation

/// One mail waiting to be sent, being sent, sent or given up on.
public final class MailOutboxModel: Model, @unchecked Sendable {
    public static let schema = "mail_outbox"

    public enum Status: String, Sendable {
        case pending, sending, sent, failed
    }

    @ID(key: .id) public var id: UUID?
    /// Chosen when queued, the same on every attempt.
    @Field(key: "message_id") public var messageID: String
    /// The account it is written to (its failures are shown to them).
    @OptionalField(key: "user_id") public var userID: UUID?
    @OptionalField(key: "booking_id") public var bookingID: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    /// The whole message as it goes on the wire.
    @Field(key: "body") public var body: String
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_at") public var nextAt: Date
    @OptionalField(key: "lease_until") public var leaseUntil: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?

    public init() {}
}
