import Fluent
import Foundation
import Leaf
import LeafKit
import MockLoopAnalysis
import MockLoopCore
import MockLoopRunner
import MockLoopStore
import Vapor

/// Builds the web app: database, content, views, middleware and routes.
public enum MockLoopApp {
    public static func configure(_ app: Application, _ config: AppConfig, content: ContentLibrary? = nil) async throws {
        app.http.server.configuration.hostname = config.hostname
        app.http.server.configuration.port = config.port
        try StoreSetup.configure(app, config.store)
        let owner = try await StoreSetup.prepare(app, content: try content ?? ContentLibrary.builtIn())
        app.storage[OwnerKey.self] = owner
        app.storage[StoreKindKey.self] = config.store.kind
        app.storage[ThresholdsKey.self] = try config.analysisThresholdsFile.map(AnalysisThresholds.load) ?? AnalysisThresholds()
        // Probed once per process (≈15 ms); without a sandbox, code is refused, never run bare.
        let runner = CodeRunner.shared(config.runner)
        app.storage[RunnerKey.self] = runner
        if runner.status.available {
            app.logger.info(
                "code sandbox: \(runner.status.mode ?? "") (\(runner.status.languages.map(\.rawValue).joined(separator: ", ")))")
            Task.detached(priority: .background) { await runner.warmUp() }
        } else {
            app.logger.warning("code sandbox unavailable, code will not run: \(runner.status.reason ?? "")")
        }

        if let llm = config.llm {
            app.storage[VoiceKey.self] = LLMVoice(config: llm, client: app.client, logger: app.logger)
            app.logger.info("interviewer wording by model \(llm.model) (falls back to built-in on any error)")
        } else {
            app.storage[VoiceKey.self] = BuiltInVoice()
        }

        guard let resources = Bundle.module.resourceURL else { throw MockLoopError(.unavailable, "web resources are missing") }
        app.directory.viewsDirectory = resources.appendingPathComponent("Views").path + "/"
        app.directory.publicDirectory = resources.appendingPathComponent("Public").path + "/"
        app.views.use(.leaf)
        // The bundle may sit under a hidden folder (.build), which Leaf's default limits refuse.
        app.leaf.sources = .singleSource(
            NIOLeafFiles(
                fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                sandboxDirectory: app.directory.viewsDirectory,
                viewDirectory: app.directory.viewsDirectory))
        app.leaf.cache.isEnabled = app.environment.isRelease

        app.middleware = Middlewares()
        app.middleware.use(ProblemMiddleware())
        app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
        app.routes.defaultMaxBodySize = "10mb"
        try routes(app)
    }
}

struct OwnerKey: StorageKey { typealias Value = UUID }
struct StoreKindKey: StorageKey { typealias Value = String }
struct ThresholdsKey: StorageKey { typealias Value = AnalysisThresholds }

extension Request {
    /// The user acting. Until accounts exist this is the local owner.
    var userID: UUID { application.storage[OwnerKey.self]! }
}
