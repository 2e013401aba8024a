import Fluent
import SQLKit

/// Accounts: a user's email, password hash and roles; the devices signed in; failed sign-ins
/// (throttling state several instances share); personal access tokens; one-time password links.
/// Secrets are stored only as SHA-256 hashes.
struct M013CreateAccounts: AsyncMigration {
    func prepare(on db: Database) async throws {
        // One column per ALTER TABLE: SQLite adds only one at a time.
        try await db.schema("users").field("email", .string).update()
        try await db.schema("users").field("password_hash", .string).update()
        try await db.schema("users").field("is_admin", .bool, .required, .sql(.default(false))).update()
        try await db.schema("users").field("disabled", .bool, .required, .sql(.default(false))).update()
        try await db.schema("users").field("password_changed_at", .datetime).update()
        try await db.schema("sign_ins").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("device", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash", name: "uq_sign_ins_token")
            .create()
        try await db.schema("sign_in_failures").id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await db.schema("access_tokens").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("scope", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash", name: "uq_access_tokens_token")
            .create()
        try await db.schema("password_links").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("purpose", .string, .required)
            .field("issued_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash", name: "uq_password_links_token")
            .create()
        guard let sql = db as? SQLDatabase else { return }
        try await sql.create(index: "uq_users_email").unique().on("users").column("email").run()
        try await sql.create(index: "idx_sign_ins_user").on("sign_ins").column("user_id").run()
        try await sql.create(index: "idx_sign_in_failures_key").on("sign_in_failures").column("key").column("at").run()
        try await sql.create(index: "idx_access_tokens_user").on("access_tokens").column("user_id").run()
    }

    func revert(on db: Database) async throws {
        for table in ["password_links", "access_tokens", "sign_in_failures", "sign_ins"] { try await db.schema(table).delete() }
        if let sql = db as? SQLDatabase { try await sql.drop(index: "uq_users_email").run() }
        for field in ["email", "password_hash", "is_admin", "disabled", "password_changed_at"] {
            try await db.schema("users").deleteField(.string(field)).update()
        }
    }
}
