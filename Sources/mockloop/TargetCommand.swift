import ArgumentParser
import Foundation
import MockLoopCore
import MockLoopStore

/// `mockloop target`: what you are preparing for, the same target the web app's settings set.
/// Every default reads it: the picker, the next focus, a new session, the AI mock.
struct TargetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "Show or set your target: tier, level, the rounds of the loop and its date.",
        subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CLIContext.run(store) { ctx in
                let found = try await TargetRepository(db: ctx.db, userID: ctx.userID).find()
                try TargetCommand.print(found ?? .assumed, set: found != nil, json: output.json)
            }
        }
    }

    struct Set: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "tier1, tier2 or tier3") var tier: String
        @Option(help: "junior, mid, senior or staff") var level: String
        @Option(help: "The rounds of the loop, comma separated (coding,system_design,behavioral,…).") var types: String
        @Option(help: "The day of the real loop (2026-12-15), when known.") var loopDate: String?
        @Option var company: String?

        func run() async throws {
            try await CLIContext.run(store) { ctx in
                let target = try Target.parse(
                    tier: tier, level: level, types: types.split(separator: ",").map(String.init), loopDate: loopDate, company: company)
                try await TargetRepository(db: ctx.db, userID: ctx.userID).save(target)
                try TargetCommand.print(target, set: true, json: output.json)
            }
        }
    }

    static func print(_ t: Target, set: Bool, json: Bool) throws {
        if json { return try Output.json(t) }
        var line = "\(t.tier.label) · \(t.level.label) · \(t.types.map(\.label).joined(separator: ", "))"
        if let company = t.company { line += " · \(company)" }
        if let date = t.loopDate { line += " · loop on \(date)" + (t.daysToLoop().map { $0 >= 0 ? " (in \($0) days)" : "" } ?? "") }
        Swift.print(set ? line : line + " (assumed: set yours with `mockloop target set`)")
    }
}
