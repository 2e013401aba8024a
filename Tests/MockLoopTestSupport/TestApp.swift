import Fluent
import Foundation
import MockLoopCore
import MockLoopRunner
import MockLoopServices
import MockLoopStore
import MockLoopWeb
import Vapor

/// Runs `body` against a fully configured MockLoop app on a fresh database of the given kind,
/// and tears it all down afterwards, also when the body throws.
public func withMockLoopApp(
    _ kind: TestDatabase, runner: CodeRunner.Configuration = .init(), llm: LLMConfig? = nil,
    config adjust: (inout AppConfig) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    let store = try await kind.makeStore()
    var failure: Error?
    do {
        try await withMockLoopApp(on: store, runner: runner, llm: llm, config: adjust, body)
    } catch { failure = error }
    try await store.tearDown()
    if let failure { throw failure }
}

/// The same on a store the caller keeps (to start the app twice on one database); not torn down.
public func withMockLoopApp(
    on store: TestStore, runner: CodeRunner.Configuration = .init(), llm: LLMConfig? = nil,
    config adjust: (inout AppConfig) -> Void = { _ in }, _ body: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var failure: Error?
    do {
        var config = AppConfig(store: store.config, runner: runner, llm: llm, secret: formSecret)
        adjust(&config)
        try await MockLoopApp.configure(app, config, content: TestDatabase.content)
        try await body(app)
    } catch { failure = error }
    try await app.asyncShutdown()
    if let failure { throw failure }
}

/// Accounts on, with a cheap password hash and the given sign-in limit (every test request
/// comes from one address, so tests choose their own).
public func withAccounts(failures: Int = 1000) -> (inout AppConfig) -> Void {
    { $0.accounts = AccountsConfig(bcryptCost: 4, throttle: .init(failures: failures, window: 15 * 60)) }
}

/// Runs `body` with just the store (migrated and seeded) and the owner's id.
public func withStore(_ kind: TestDatabase, _ body: (Database, UUID) async throws -> Void) async throws {
    let store = try await kind.makeStore()
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var failure: Error?
    do {
        try StoreSetup.configure(app, store.config)
        let owner = try await StoreSetup.prepare(app, content: TestDatabase.content)
        try await body(app.db, owner)
    } catch { failure = error }
    try await app.asyncShutdown()
    try await store.tearDown()
    if let failure { throw failure }
}
