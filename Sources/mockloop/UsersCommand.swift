import ArgumentParser
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore

/// `mockloop users`: accounts of an instance run with `--accounts`, from the server's own machine.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Create accounts and issue password links (for `serve --accounts`).",
        subcommands: [Create.self, Reset.self, Promote.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and print a one-time link to set its password (the first account keeps the solo data).")

        @OptionGroup var store: StoreOptions
        @Flag(name: .long, help: "Make the account an admin.") var admin = false
        @Option(name: .long, help: "Display name (default: the part of the email before @).") var name: String?
        @Argument(help: "The account's email.") var email: String

        func run() async throws {
            try await CLIContext.run(store) { ctx in
                let made = try await UsersCommand.withAccounts(ctx) {
                    try await $0.create(email: email, name: name, admin: admin, issuedBy: nil)
                }
                print("Account \(made.user.email ?? email) created\(made.user.isAdmin ? " (admin)" : "").")
                UsersCommand.printLink(ctx, made.link, "set its password")
            }
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a one-time link to choose a new password.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The account's email.") var email: String

        func run() async throws {
            try await CLIContext.run(store) { ctx in
                let made = try await UsersCommand.withAccounts(ctx) { try await $0.issueReset(email: email, issuedBy: nil) }
                UsersCommand.printLink(ctx, made.link, "choose a new password for \(made.user.email ?? email)")
            }
        }
    }

    struct Promote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an account an admin (or, with --revoke, no longer one).")

        @OptionGroup var store: StoreOptions
        @Flag(name: .long, help: "Take the admin role away instead.") var revoke = false
        @Argument(help: "The account's email.") var email: String

        func run() async throws {
            try await CLIContext.run(store) { ctx in
                let accounts = AccountRepository(db: ctx.db)
                guard let user = try await accounts.find(email: EmailAddress.normalize(email)), let id = user.id else {
                    throw MockLoopError(.notFound, "No account has the email \(EmailAddress.normalize(email)).")
                }
                try await accounts.setAdmin(id, !revoke)
                print("\(user.email ?? email) is \(revoke ? "no longer an admin" : "an admin").")
            }
        }
    }

    /// The account rules with a hasher of their own for this one command.
    static func withAccounts<T>(_ ctx: CLIContext, _ body: (AccountService) async throws -> T) async throws -> T {
        let config = ctx.services.config.accounts ?? AccountsConfig()
        let hasher = PasswordHasher(cost: config.bcryptCost, threads: 1)
        do {
            let value = try await body(AccountService(db: ctx.db, config: config, hasher: hasher))
            try await hasher.shutdown()
            return value
        } catch {
            try? await hasher.shutdown()
            throw error
        }
    }

    static func printLink(_ ctx: CLIContext, _ token: String, _ purpose: String) {
        let base = ctx.services.config.publicURL?.absoluteString ?? "http://127.0.0.1:8080"
        let url = base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/password/" + token
        print("Open this one-time link (valid for 72 hours) to \(purpose):")
        print(url)
        if ctx.services.config.publicURL == nil {
            print("(Set MOCKLOOP_PUBLIC_URL for links with the address people reach this server at.)")
        }
    }
}
