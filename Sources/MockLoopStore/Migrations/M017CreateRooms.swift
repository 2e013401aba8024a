import Fluent
import SQLKit

/// Live rooms and their numbered events. `(room_id, seq)` is unique, so the database is where
/// every instance agrees on an event's number; `(room_id, client_key)` makes a resent command
/// land once.
struct M017CreateRooms: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("rooms").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references("sessions", "id", onDelete: .cascade))
            .field("candidate_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("interviewer_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("interviewer_name", .string)
            .field("guest_hash", .string)
            .field("join_hash", .string, .required)
            .field("question_id", .string, .required)
            .field("rubric_id", .string, .required)
            .field("type", .string, .required)
            .field("show_fix", .bool, .required)
            .field("state", .sql(.text), .required)
            .field("last_seq", .int, .required)
            .field("created_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("expires_at", .datetime, .required)
            .field("next_room_id", .uuid)
            .unique(on: "join_hash", name: "uq_rooms_join")
            .create()
        try await db.schema("room_events").id()
            .field("room_id", .uuid, .required, .references("rooms", "id", onDelete: .cascade))
            .field("seq", .int, .required)
            .field("kind", .string, .required)
            .field("audience", .string, .required)
            .field("by_role", .string)
            .field("client_key", .string)
            .field("body", .sql(.text), .required)
            .field("at", .datetime, .required)
            .unique(on: "room_id", "seq", name: "uq_room_events_seq")
            .unique(on: "room_id", "client_key", name: "uq_room_events_client")
            .create()
        // The candidate rates the feedback they got (specific? honest? 1–3), whoever gave it.
        // One column per statement: SQLite adds one at a time.
        try await db.schema("partner_feedback").field("specific", .int).update()
        try await db.schema("partner_feedback").field("honest", .int).update()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "idx_rooms_user").on("rooms").column("user_id").run()
            try await sql.create(index: "idx_rooms_expires").on("rooms").column("expires_at").run()
        }
    }

    func revert(on db: Database) async throws {
        for table in ["room_events", "rooms"] { try await db.schema(table).delete() }
        try await db.schema("partner_feedback").deleteField("specific").update()
        try await db.schema("partner_feedback").deleteField("honest").update()
    }
}
