import Foundation

/// Where a command's data lives: this machine's store, or the server `mockloop login` saved.
/// Commands that work against a server take either and print the same either way.
enum Workspace {
    case local(CLIContext)
    case remote(RemoteAPI)

    /// The server when one is logged in (and neither `--local` nor `--data-dir` says otherwise),
    /// else this machine's store.
    static func run(_ options: StoreOptions, _ body: (Workspace) async throws -> Void) async throws {
        if !options.local, options.dataDir == nil, let credentials = try loadCredentials() {
            try await RemoteAPI.run(credentials) { try await body(.remote($0)) }
        } else {
            try await CLIContext.run(options) { try await body(.local($0)) }
        }
    }

    private static func loadCredentials() throws -> Credentials? {
        do { return try Credentials.load() } catch { try CLIContext.fail(error) }
    }
}
