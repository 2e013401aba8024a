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
    try await store.tearDown()
    if let failure { throw failure }
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
