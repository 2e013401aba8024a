import Fluent
import SQLKit

/// Every schema change, in order. Append only: a released migration never changes.
public enum Migrations {
    public static let all: [any Migration] = [
        M001CreateUsers(), M002CreateRubrics(), M003CreateQuestions(), M004CreateSessions(),
        M005CreateScores(), M006CreateRetros(), M007CreateSessionIndexes(), M008CreateTranscripts(),
        M009CreateCodeRuns(), M010CreateInsightRollups(), M011CreatePracticeStates(), M012CreateTargets(),
        M013CreateAccounts(), M014OwnedKeys(), M015CreateAdmin(), M016CreateShareLinks(), M017CreateRooms(), M018CreatePartners(),
        M019CreateScheduling(), M020CreateMailOutbox(),
    ]
}

struct M001CreateUsers: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("users").id()
            .field("name", .string, .required)
            .field("is_owner", .bool, .required)
            .field("created_at", .datetime)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("users").delete() }
}

struct M002CreateRubrics: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("rubrics")
            .field("id", .string, .identifier(auto: false))
            .field("owner_id", .uuid, .references("users", "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("name", .string, .required)
            .field("built_in", .bool, .required)
            .field("cloned_from", .string)
            .field("body", .string, .required)
            .field("updated_at", .datetime)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("rubrics").delete() }
}

struct M003CreateQuestions: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("questions")
            .field("id", .string, .identifier(auto: false))
            .field("owner_id", .uuid, .references("users", "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("difficulty", .string, .required)
            .field("title", .string, .required)
            .field("built_in", .bool, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("questions").delete() }
}

struct M004CreateSessions: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("sessions").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("mode", .string, .required)
            .field("status", .string, .required)
            .field("rubric_id", .string, .required)
            .field("question_id", .string)
            .field("question_title", .string)
            .field("interviewer", .string)
            .field("company", .string)
            .field("tier", .string)
            .field("level", .string)
            .field("difficulty", .string)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("duration_minutes", .int)
            .field("hints_used", .int, .required)
            .field("pauses", .int, .required)
            .field("confidence", .int)
            .field("went_easy", .bool, .required)
            .field("is_repeat", .bool, .required)
            .field("notes", .string)
            .field("search_text", .string, .required)
            .field("import_key", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id", "import_key", name: "uq_sessions_user_import_key")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("sessions").delete() }
}

struct M005CreateScores: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("scores").id()
            .field("session_id", .uuid, .required, .references("sessions", "id", onDelete: .cascade))
            .field("dimension", .string, .required)
            .field("scorer", .string, .required)
            .field("score", .int, .required)
            .field("note", .string)
            .unique(on: "session_id", "dimension", "scorer", name: "uq_scores_session_dimension_scorer")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("scores").delete() }
}

struct M006CreateRetros: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("retros").id()
            .field("session_id", .uuid, .required, .references("sessions", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("went_well", .string, .required)
            .field("went_wrong", .string, .required)
            .field("fix_dimension", .string, .required)
            .field("fix_text", .string, .required)
            .field("drill", .string, .required)
            .field("drill_done", .bool, .required)
            .field("drill_done_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "session_id", name: "uq_retros_session")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("retros").delete() }
}

/// The log reads a user's sessions newest first, and exports join scores by session.
struct M007CreateSessionIndexes: AsyncMigration {
    func prepare(on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        try await sql.create(index: "idx_sessions_user_started").on("sessions").column("user_id").column("started_at").column("id").run()
        try await sql.create(index: "idx_scores_session").on("scores").column("session_id").run()
        try await sql.create(index: "idx_retros_user").on("retros").column("user_id").run()
    }
    func revert(on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        for name in ["idx_sessions_user_started", "idx_scores_session", "idx_retros_user"] {
            try await sql.drop(index: name).run()
        }
    }
}

struct M008CreateTranscripts: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("transcripts").id()
            .field("session_id", .uuid, .required, .references("sessions", "id", onDelete: .cascade))
            .field("format", .string, .required)
            .field("candidate", .string)
            .field("text", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "session_id", name: "uq_transcripts_session")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("transcripts").delete() }
}

struct M009CreateCodeRuns: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("code_runs").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("session_id", .uuid, .references("sessions", "id", onDelete: .cascade))
            .field("question_id", .string)
            .field("language", .string, .required)
            .field("verdict", .string, .required)
            .field("compiled", .bool)
            .field("passed", .int, .required)
            .field("total", .int, .required)
            .field("total_ms", .double, .required)
            .field("created_at", .datetime, .required)
            .create()
        if let sql = db as? SQLDatabase {
            try await sql.create(index: "idx_code_runs_user_time").on("code_runs").column("user_id").column("created_at").run()
            try await sql.create(index: "idx_code_runs_session").on("code_runs").column("session_id").run()
        }
    }
    func revert(on db: Database) async throws { try await db.schema("code_runs").delete() }
}

/// Daily roll-ups for the insights, filled from the sessions already there.
struct M010CreateInsightRollups: AsyncMigration {
    func prepare(on db: Database) async throws {
        var days = db.schema("insight_days")
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("day", .int, .required)
        for c in ["sessions", "scored", "rated", "medium_hard", "repeats", "went_easy", "ai", "qualifying"] {
            days = days.field(.string(c), .int, .required)
        }
        try await days.unique(on: "user_id", "type", "day", name: "uq_insight_days").create()
        var dims = db.schema("insight_dimension_days")
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("day", .int, .required)
            .field("dimension", .string, .required)
        for c in ["n", "total", "ones", "ai_n", "ai_total", "human_n", "human_total", "self_n", "self_gap"] {
            dims = dims.field(.string(c), .int, .required)
        }
        try await dims.unique(on: "user_id", "type", "day", "dimension", name: "uq_insight_dimension_days").create()
        try await InsightRollup.rebuildAll(db)
    }
    func revert(on db: Database) async throws {
        try await db.schema("insight_dimension_days").delete()
        try await db.schema("insight_days").delete()
    }
}

/// The server-side state of timed AI mocks, one row per session, so a reload resumes it.
struct M011CreatePracticeStates: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("practice_states").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references("sessions", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("state", .string, .required)
            .field("feedback", .string)
            .field("revision", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "session_id", name: "uq_practice_states_session")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("practice_states").delete() }
}
