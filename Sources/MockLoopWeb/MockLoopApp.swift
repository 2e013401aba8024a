import Fluent
import Foundation
import Leaf
import LeafKit
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Builds the web app around the application services: views, the trust boundary, routes.
public enum MockLoopApp {
    /// Starts the services from `config` and serves them.
    public static func configure(_ app: Application, _ config: AppConfig, content: ContentLibrary? = nil) async throws {
        let services = try await AppServices.start(app, config, content: try content ?? ContentLibrary.builtIn())
        try configure(app, services)
    }

    public static func configure(_ app: Application, _ services: AppServices) throws {
        let config = services.config
        app.storage[ServicesKey.self] = services
        app.http.server.configuration.hostname = config.hostname
        app.http.server.configuration.port = config.port
        let runner = services.runner
        if runner.status.available {
            app.logger.info(
                "code sandbox: \(runner.status.mode ?? "") (\(runner.status.languages.map(\.rawValue).joined(separator: ", ")))")
            Task.detached(priority: .background) { await runner.warmUp() }
        } else {
            app.logger.warning("code sandbox unavailable, code will not run: \(runner.status.reason ?? "")")
        }
        if let llm = config.llm {
            app.logger.info("interviewer wording by model \(llm.model) (falls back to built-in on any error)")
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
        app.leaf.tags["formToken"] = FormTokenTag()
        app.leaf.tags["prompt"] = PromptTag()
        app.leaf.tags["fieldError"] = FieldErrorTag()
        app.leaf.tags["invalid"] = InvalidTag()
        app.leaf.tags["accountNav"] = AccountNavTag()

        let openAPI = try OpenAPIDocument.load()
        let secret = try FormToken.secret(configured: config.secret, dataDirectory: config.store.dataDirectory)
        let publicOrigin = CrossSiteGuard.origin(of: config.publicURL)
        app.middleware = Middlewares()
        // Outermost first: every answer, errors included, carries the security headers.
        app.middleware.use(SecurityHeaders())
        app.middleware.use(ProblemMiddleware())
        app.middleware.use(HostGuard(allowed: config.allowedHosts))
        app.middleware.use(CrossSiteGuard(publicOrigin: publicOrigin))
        if let accounts = config.accounts {
            app.storage[AccountsOnKey.self] = true
            app.middleware.use(AccountGate(config: accounts, cookie: SignInCookie(secure: publicOrigin?.hasPrefix("https:") == true)))
        } else {
            app.middleware.use(ActingUser(owner: services.owner))
        }
        app.middleware.use(MediaTypeGuard(operations: openAPI.operations))
        app.middleware.use(FormTokenGuard(tokens: FormToken(secret: secret), secureCookie: publicOrigin?.hasPrefix("https:") == true))
        app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
        app.routes.defaultMaxBodySize = "10mb"
        try routes(app, services, openAPI: openAPI)
    }
}

struct ServicesKey: StorageKey { typealias Value = AppServices }

extension Application {
    /// The services this app was configured with (tests and benchmarks reach the store through them).
    public var mockLoopServices: AppServices? { storage[ServicesKey.self] }
}
