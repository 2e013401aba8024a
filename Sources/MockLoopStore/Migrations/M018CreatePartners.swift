import Fluent
import SQLKit

/// Partner profiles (with the short matching card beside each), the loops people passed, and
/// the safety tables: blocks, reports to the admins, and names shown by mutual agreement.
struct M018CreatePartners: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("partner_profiles").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("handle", .string, .required)
            .field("visible", .bool, .required)
            .field("body", .string, .required)
            .field("card", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id", name: "uq_partner_profiles_user")
            .unique(on: "handle", name: "uq_partner_profiles_handle")
            .create()
        try await db.schema("passed_loops").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("company", .string, .required)
            .field("tier", .string, .required)
            .field("level", .string, .required)
            .field("types", .string, .required)
            .field("month", .string, .required)
            .field("verified", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("partner_blocks").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("blocked_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "blocked_id", name: "uq_partner_blocks")
            .create()
        try await db.schema("partner_reports").id()
            .field("reporter_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("reported_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        try await db.schema("partner_reveals").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("other_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "other_id", name: "uq_partner_reveals")
            .create()
        // One row: raised with every change to what ranking reads, so each instance knows when
        // the cards it keeps are out of date.
        try await db.schema("partner_versions").field("id", .int, .identifier(auto: false)).field("version", .int, .required).create()
        if let sql = db as? SQLDatabase {
            try await sql.insert(into: "partner_versions").columns("id", "version").values(SQLBind(1), SQLBind(0)).run()
            try await sql.create(index: "idx_passed_loops_user").on("passed_loops").column("user_id").run()
            try await sql.create(index: "idx_partner_blocks_blocked").on("partner_blocks").column("blocked_id").run()
            // The ledger counts rooms by interviewer and by candidate.
            try await sql.create(index: "idx_rooms_interviewer").on("rooms").column("interviewer_id").run()
            try await sql.create(index: "idx_rooms_candidate").on("rooms").column("candidate_id").run()
        }
    }

    func revert(on db: Database) async throws {
        if let sql = db as? SQLDatabase {
            for name in ["idx_rooms_interviewer", "idx_rooms_candidate"] { try await sql.drop(index: name).run() }
        }
        for table in ["partner_versions", "partner_reveals", "partner_reports", "partner_blocks", "passed_loops", "partner_profiles"] {
            try await db.schema(table).delete()
        }
    }
}
