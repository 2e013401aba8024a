import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopWeb
import SQLKit
import Vapor

/// The databases store and web tests run on: SQLite always, PostgreSQL when
/// MOCKLOOP_TEST_POSTGRES_URL points at a server (scripts/test.sh starts one).
public enum TestDatabase: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    public static var adminURL: String? {
        ProcessInfo.processInfo.environment["MOCKLOOP_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var available: [TestDatabase] { adminURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// The built-in content, parsed once per test process.
    public static let content: ContentLibrary = try! ContentLibrary.builtIn()

    /// A fresh, empty database: a new SQLite file, or a new PostgreSQL database.
    public func makeStore() async throws -> TestStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mockloop-test-\(UUID().uuidString)")
        switch self {
        case .sqlite:
            return TestStore(config: StoreConfig(dataDirectory: dir, databaseURL: nil), dropDatabase: nil, directory: dir)
        case .postgres:
            guard let admin = Self.adminURL else { throw MockLoopError(.unavailable, "MOCKLOOP_TEST_POSTGRES_URL is not set") }
            let name = "mockloop_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            try await Self.admin(admin) { try await $0.raw("CREATE DATABASE \(ident: name)").run() }
            let url = admin.replacingOccurrences(of: #"/[^/?]*(\?|$)"#, with: "/\(name)$1", options: .regularExpression)
            return TestStore(config: StoreConfig(dataDirectory: dir, databaseURL: url), dropDatabase: name, directory: dir)
        }
    }

    static func admin(_ url: String, _ body: (SQLDatabase) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        var failure: Error?
        do {
            try StoreSetup.configure(app, StoreConfig(dataDirectory: FileManager.default.temporaryDirectory, databaseURL: url))
            try await body(app.db as! SQLDatabase)
        } catch { failure = error }
        try await app.asyncShutdown()
        if let failure { throw failure }
    }
}

/// A test's own database, removed again by `tearDown`.
public struct TestStore: Sendable {
    public let config: StoreConfig
    let dropDatabase: String?
    let directory: URL

    public func tearDown() async throws {
        if let name = dropDatabase, let admin = TestDatabase.adminURL {
            try await TestDatabase.admin(admin) { try await $0.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
