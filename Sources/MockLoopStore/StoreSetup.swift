import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import MockLoopCore
import SQLKit
import Vapor

/// Connects the app to its database, migrates it and seeds the built-in content: the one
/// path both the server and the CLI take, on SQLite and on PostgreSQL alike.
public enum StoreSetup {
    public static func configure(_ app: Application, _ config: StoreConfig) throws {
        if let url = config.databaseURL {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw MockLoopError.invalid(
                    "DATABASE_URL", "must start with postgres:// (got a \(url.split(separator: ":").first ?? "?") URL)")
            }
            var pg = try SQLPostgresConfiguration(url: url)
            if !url.contains("sslmode") { pg.coreConfiguration.tls = .disable }
            app.databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: 4), as: .psql)
        } else {
            do {
                try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
            } catch {
                throw MockLoopError.invalid("data directory", "cannot create \(config.dataDirectory.path): \(error.localizedDescription)")
            }
            app.databases.use(.sqlite(.file(config.sqliteFile.path)), as: .sqlite)
        }
        app.migrations.add(Migrations.all)
    }

    /// Migrates, makes the local owner, and loads the built-in rubrics and questions.
    public static func prepare(_ app: Application, content: ContentLibrary) async throws -> UUID {
        try await app.autoMigrate()
        let owner = try await OwnerRepository(db: app.db).ensureOwner()
        try await ContentSeeder(db: app.db).seed(content)
        return owner
    }

    /// A cheap round trip proving the database answers, for /healthz.
    public static func ping(_ db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        _ = try await sql.raw("SELECT 1 AS ok").all()
    }
}
