import Fluent
import Foundation
import MockLoopCore
import SQLKit

extension AccountRepository {
    /// Removes an account and everything of it — sessions with their scores, retros,
    /// transcripts, code runs and timed-mock states, the insight roll-ups, the target, the
    /// user's own questions and rubrics, devices, tokens and links — in one transaction: all of
    /// it or, on any failure, none. The last admin cannot go (the instance would have none).
    public func delete(_ userID: UUID) async throws {
        try await db.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { throw MockLoopError.notFound("account") }
            if user.isAdmin {
                let admins = try await UserModel.query(on: db).filter(\.$isAdmin == true).filter(\.$disabled == false).count()
                if admins <= 1 {
                    throw MockLoopError(
                        .conflict,
                        "You are this instance's only admin: make someone else an admin first (mockloop users promote EMAIL), then delete your account."
                    )
                }
            }
            guard let sql = db as? SQLDatabase else { throw MockLoopError(.unavailable, "this database cannot run SQL") }
            for table in ["scores", "transcripts"] {
                try await sql.raw(
                    "DELETE FROM \(ident: table) WHERE session_id IN (SELECT id FROM sessions WHERE user_id = \(bind: userID))"
                )
                .run()
            }
            for table in [
                "retros", "code_runs", "practice_states", "insight_days", "insight_dimension_days", "targets", "sign_ins", "access_tokens",
                "password_links", "sessions",
            ] {
                try await sql.delete(from: table).where("user_id", .equal, SQLBind(userID)).run()
            }
            for table in ["questions", "rubrics"] {
                try await sql.delete(from: table).where("owner_id", .equal, SQLBind(userID)).where("built_in", .equal, SQLBind(false)).run()
            }
            try await PartnerCards.changed(db)  // their profile goes with the account
            try await user.delete(on: db)
        }
    }

    /// Makes an account an admin (or not); the last admin stays one.
    public func setAdmin(_ userID: UUID, _ admin: Bool) async throws {
        try await db.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { throw MockLoopError.notFound("account") }
            if !admin, user.isAdmin, try await UserModel.query(on: db).filter(\.$isAdmin == true).count() <= 1 {
                throw MockLoopError(.conflict, "This is the only admin: make someone else an admin first.")
            }
            user.isAdmin = admin
            try await user.save(on: db)
        }
    }
}
