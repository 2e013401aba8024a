import Fluent
import Foundation
import SQLKit

/// Users' own questions and rubrics are keyed by owner (`OwnedKey`), so ids never collide
/// across users; rows made before are re-keyed. Sessions keep the ids people see.
struct M014OwnedKeys: AsyncMigration {
    func prepare(on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        for table in [QuestionModel.schema, RubricModel.schema] {
            let rows = try await sql.select().column("id").column("owner_id").from(table).where("built_in", .equal, SQLBind(false))
                .all()
            for row in rows {
                let id = try row.decode(column: "id", as: String.self)
                guard let owner = try row.decode(column: "owner_id", as: UUID?.self), OwnedKey.visible(id) == id else { continue }
                try await sql.update(table).set("id", to: SQLBind(OwnedKey.make(id, owner: owner))).where("id", .equal, SQLBind(id)).run()
            }
        }
    }

    func revert(on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        for table in [QuestionModel.schema, RubricModel.schema] {
            let rows = try await sql.select().column("id").from(table).where("built_in", .equal, SQLBind(false)).all()
            for row in rows {
                let key = try row.decode(column: "id", as: String.self)
                try await sql.update(table).set("id", to: SQLBind(OwnedKey.visible(key))).where("id", .equal, SQLBind(key)).run()
            }
        }
    }
}
