import Fluent
import SQLKit

/// Share links (hashed tokens with an expiry), every opening of one, and the feedback a partner
/// gives through a partner kit with their scores.
struct M016CreateShareLinks: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("share_links").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash", name: "uq_share_links_token")
            .create()
        try await db.schema("share_openings").id()
            .field("link_id", .uuid, .required, .references("share_links", "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("viewer_id", .uuid)
            .create()
        try await db.schema("partner_feedback").id()
            .field("session_id", .uuid, .required, .references("sessions", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("stronger", .string, .required)
            .field("communication", .string, .required)
            .field("concerns", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "session_id", name: "uq_partner_feedback_session")
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "idx_share_links_user").on("share_links").column("user_id").run()
            try await sql.create(index: "idx_share_openings_link").on("share_openings").column("link_id").run()
        }
    }

    func revert(on db: Database) async throws {
        for table in ["partner_feedback", "share_openings", "share_links"] { try await db.schema(table).delete() }
    }
}
