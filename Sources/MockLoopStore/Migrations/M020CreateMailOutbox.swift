import Fluent
import SQLKit

/// The mail outbox: every mail is written here in the transaction that causes it, then sent by
/// whichever instance claims it; it survives restarts and keeps its Message-ID across resends.
/// And e-mail address verification: one-time links, and when an address was verified.
struct M020CreateMailOutbox: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("mail_outbox").id()
            .field("message_id", .string, .required)
            .field("user_id", .uuid, .references("users", "id", onDelete: .cascade))
            .field("booking_id", .uuid)
            .field("kind", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .sql(.text), .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .unique(on: "message_id", name: "uq_mail_outbox_message_id")
            .create()
        try await db.schema("bookings").field("reminded_at", .datetime).update()
        try await db.schema("users").field("email_verified_at", .datetime).update()
        try await db.schema("email_verifications").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash", name: "uq_email_verifications_token")
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "idx_mail_outbox_due").on("mail_outbox").column("status").column("next_at").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("email_verifications").delete()
        try await db.schema("users").deleteField("email_verified_at").update()
        try await db.schema("bookings").deleteField("reminded_at").update()
        try await db.schema("mail_outbox").delete()
    }
}
