import Fluent
import SQLKit

/// What admins keep: invite codes (hashed, with an expiry and a number of uses) and the audit
/// log of their actions.
struct M015CreateAdmin: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("invites").id()
            .field("code_hash", .string, .required)
            .field("created_by", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("note", .string)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("uses_left", .int, .required)
            .field("used", .int, .required)
            .unique(on: "code_hash", name: "uq_invites_code")
            .create()
        try await db.schema("audit_events").id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("action", .string, .required)
            .field("subject_id", .uuid)
            .field("subject", .string)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "idx_audit_events_at").on("audit_events").column("at").run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("audit_events").delete()
        try await db.schema("invites").delete()
    }
}
