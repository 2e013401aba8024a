import Fluent
import Foundation
import MockLoopCore
import PostgresNIO
import SQLKit

/// A start-up database error in words: which step failed (and which migration), the server's own
/// message and SQLSTATE, and the statement — never the connection URL or its password. PostgreSQL's
/// errors otherwise print only "Generic description to prevent accidental leakage of sensitive data".
enum StartupFailure {
    static func describe(_ error: Error, step: String, migration: String?) -> MockLoopError {
        if let e = error as? MockLoopError { return e }
        var parts = ["\(step)\(migration.map { " (migration \($0))" } ?? "") failed"]
        if let pg = error as? PSQLError {
            if let info = pg.serverInfo {
                let message = info[.message] ?? "the server refused"
                let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                parts.append(message + state)
                if let detail = info[.detail] { parts.append(detail) }
                if let hint = info[.hint] { parts.append("hint: \(hint)") }
            } else {
                // Connection-level: refused, closed, TLS, authentication mechanism.
                parts.append(pg.underlying.map { "\(pg.code): \($0)" } ?? "\(pg.code)")
            }
            if let sql = pg.query?.sql { parts.append("statement: " + String(sql.prefix(300))) }
        } else {
            parts.append(String(describing: error))
        }
        return MockLoopError(.unavailable, "database start-up: " + parts.joined(separator: "; "))
    }

    /// The first migration the database has not recorded: the one that was running.
    static func pendingMigration(_ db: Database) async -> String? {
        guard let sql = db as? SQLDatabase,
            let done = try? await sql.select().column("name").from("_fluent_migrations").all(decodingColumn: "name", as: String.self)
        else { return Migrations.all.first.map { String(describing: type(of: $0)) } }
        let recorded = Set(done)
        return Migrations.all.first { !recorded.contains($0.name) }.map { String(describing: type(of: $0)) }
    }
}
