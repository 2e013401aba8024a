import Fluent

/// A user's target (tier, level, rounds, loop date) and remembered rubric choices, one row each.
struct M012CreateTargets: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("targets").id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("tier", .string)
            .field("level", .string)
            .field("types", .string)
            .field("loop_date", .string)
            .field("company", .string)
            .field("rubric_choices", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id", name: "uq_targets_user")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("targets").delete() }
}
