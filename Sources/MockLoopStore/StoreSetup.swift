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
            let pg = try postgres(url)
            app.databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: 4), as: .psql)
        } else {
            try Self.makePrivate(config)
            app.databases.use(.sqlite(.file(config.sqliteFile.path)), as: .sqlite)
        }
        app.migrations.add(Migrations.all)
    }

    /// The connection settings a `postgres://` URL gives (TLS only when the URL asks for it).
    public static func postgres(_ url: String) throws -> SQLPostgresConfiguration {
        var pg = try SQLPostgresConfiguration(url: url)
        if !url.contains("sslmode") { pg.coreConfiguration.tls = .disable }
        return pg
    }

    /// Interview data is the user's alone: the directory is 0700 and the database with its WAL
    /// and shared-memory files 0600. SQLite gives the WAL and SHM files the database file's
    /// mode, so the file is made 0600 before SQLite first opens it; older installs are tightened.
    static func makePrivate(_ config: StoreConfig) throws {
        let files = FileManager.default
        let dir = config.dataDirectory.path
        do {
            if !files.fileExists(atPath: dir) {
                try files.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            try files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir)
            let db = config.sqliteFile.path
            if !files.fileExists(atPath: db), !files.createFile(atPath: db, contents: nil, attributes: [.posixPermissions: 0o600]) {
                throw CocoaError(.fileWriteNoPermission)
            }
            for path in [db, db + "-wal", db + "-shm"] where files.fileExists(atPath: path) {
                try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            }
        } catch {
            throw MockLoopError.invalid("data directory", "cannot prepare \(dir): \(error.localizedDescription)")
        }
    }

    /// Any number fixed for MockLoop: the advisory lock instances take turns with at start-up.
    static let startupLock: Int64 = 0x4D6F_636B_4C6F_6F70

    /// Migrates, makes the local owner, and loads the built-in rubrics and questions. Instances
    /// started together on one PostgreSQL take turns under an advisory lock: the first migrates
    /// and seeds, the others then find it done. A failure says which step and migration failed
    /// and what the server said.
    public static func prepare(_ app: Application, content: ContentLibrary) async throws -> UUID {
        let step = StartupStep()
        do {
            guard let sql = app.db as? SQLDatabase else { throw MockLoopError(.unavailable, "this database does not speak SQL") }
            if sql.dialect.name == "postgresql" {
                return try await app.db.withConnection { connection in
                    let lock = connection as! SQLDatabase
                    try await lock.raw("SELECT pg_advisory_lock(\(literal: Self.startupLock))").run()
                    do {
                        let owner = try await migrateAndSeed(app, content, step: step)
                        try await lock.raw("SELECT pg_advisory_unlock(\(literal: Self.startupLock))").run()
                        return owner
                    } catch {
                        // Also released when the connection closes; released here so the next instance goes on at once.
                        _ = try? await lock.raw("SELECT pg_advisory_unlock(\(literal: Self.startupLock))").run()
                        throw error
                    }
                }
            }
            // Readers do not wait for the writer (the log page while a mock saves); the mode is
            // kept in the file.
            _ = try await sql.raw("PRAGMA journal_mode=WAL").all()
            return try await migrateAndSeed(app, content, step: step)
        } catch {
            let migration = step.name == "migrating" ? await StartupFailure.pendingMigration(app.db) : nil
            throw StartupFailure.describe(error, step: step.name, migration: migration)
        }
    }

    private static func migrateAndSeed(_ app: Application, _ content: ContentLibrary, step: StartupStep) async throws -> UUID {
        step.name = "migrating"
        try await app.autoMigrate()
        step.name = "making the local owner"
        let owner = try await OwnerRepository(db: app.db).ensureOwner()
        step.name = "loading the built-in content"
        try await ContentSeeder(db: app.db).seed(content)
        return owner
    }

    /// The start-up step under way, named in a failure.
    final class StartupStep: @unchecked Sendable {
        var name = "connecting to the database"
    }

    /// A cheap round trip proving the database answers, for /healthz.
    public static func ping(_ db: Database) async throws {
        guard let sql = db as? SQLDatabase else { throw MockLoopError(.unavailable, "this database cannot be pinged with SQL") }
        _ = try await sql.raw("SELECT 1 AS ok").all()
    }
}
