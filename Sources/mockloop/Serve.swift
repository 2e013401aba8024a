import ArgumentParser
import MockLoopCore
import MockLoopServices
import MockLoopWeb
import Vapor

/// `mockloop serve`: migrate, load the content, serve the web app.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web app (default http://127.0.0.1:8080).")

    @OptionGroup var store: StoreOptions
    @ArgumentParser.Option(name: .long, help: "Address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(name: .long, help: "Port to listen on (0 picks a free one).") var port = 8080
    @ArgumentParser.Flag(name: .long, help: "Several people: sign-in, accounts and sharing (also MOCKLOOP_ACCOUNTS=on).") var accounts =
        false

    func run() async throws {
        let config: AppConfig
        do { config = try AppConfig.resolve(dataDir: store.dataDir, hostname: hostname, port: port, accounts: accounts) } catch {
            FileHandle.standardError.write(Data("error: \(CLIContext.reason(error))\n".utf8))
            throw ExitCode.failure
        }
        var env = Environment(name: "production", arguments: ["mockloop", "serve"])
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            try await MockLoopApp.configure(app, config)
            app.logger.notice("MockLoop: data in \(config.store.kind == "sqlite" ? config.store.sqliteFile.path : "PostgreSQL")")
            if let accounts = config.accounts {
                app.logger.notice("MockLoop: accounts on, sign-up \(accounts.signUp.rawValue)")
            }
            try await app.execute()
        } catch {
            app.logger.error("\(CLIContext.reason(error))")
            try? await app.asyncShutdown()
            throw ExitCode.failure
        }
        try await app.asyncShutdown()
    }
}

/// `mockloop migrate`: bring the database schema up to date and load the content.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema and load built-in content.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await CLIContext.run(store) { ctx in
            print("Database is up to date.")
        }
    }
}
