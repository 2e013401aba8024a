import Fluent
import SQLKit

/// Mock requests between partners (up to three slots; answered by accepting one, declining, or
/// proposing others), the bookings they become, and each user's calendar feed token.
struct M019CreateScheduling: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("mock_requests").id()
            .field("candidate_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("interviewer_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("proposed_by", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("tier", .string, .required)
            .field("minutes", .int, .required)
            .field("slots", .string, .required)
            .field("note", .string, .required)
            .field("status", .string, .required)
            .field("booking_id", .uuid)
            .field("replaces_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("answered_at", .datetime)
            .create()
        try await db.schema("bookings").id()
            .field("candidate_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("interviewer_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("tier", .string, .required)
            .field("start_at", .datetime, .required)
            .field("minutes", .int, .required)
            .field("status", .string, .required)
            .field("sequence", .int, .required)
            .field("uid", .string, .required)
            .field("session_id", .uuid, .references("sessions", "id", onDelete: .setNull))
            .field("room_id", .uuid, .references("rooms", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("cancelled_by", .uuid)
            .field("missed_by", .string)
            .field("checked_at", .datetime)
            .unique(on: "uid", name: "uq_bookings_uid")
            .create()
        try await db.schema("calendar_feeds").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", name: "uq_calendar_feeds_user")
            .unique(on: "token_hash", name: "uq_calendar_feeds_token")
            .create()
        if let sql = db as? SQLDatabase {
            for (name, column) in [("idx_mock_requests_candidate", "candidate_id"), ("idx_mock_requests_interviewer", "interviewer_id")] {
                try await sql.create(index: name).on("mock_requests").column(column).run()
            }
            for (name, column) in [("idx_bookings_candidate", "candidate_id"), ("idx_bookings_interviewer", "interviewer_id")] {
                try await sql.create(index: name).on("bookings").column(column).column("start_at").run()
            }
            // Bookings still to check for no-shows, found by time.
            try await sql.create(index: "idx_bookings_status_start").on("bookings").column("status").column("start_at").run()
        }
    }

    func revert(on db: Database) async throws {
        for table in ["calendar_feeds", "bookings", "mock_requests"] { try await db.schema(table).delete() }
    }
}
