import ArgumentParser
import Foundation
import MockLoopCore
import MockLoopStore

/// `mockloop partners`: the partners suggested for you, best first, each with its reasons —
/// from the server you logged in to, or this machine's store.
struct PartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners", abstract: "Suggested mock partners, best first, with the reasons for each.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "How many to show (1–100).") var limit = 10

    struct List: Codable { var partners: [PartnerListing] }

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be from 1 to 100") }
    }

    func run() async throws {
        try await Workspace.run(store) { workspace in
            let found: [PartnerListing]
            switch workspace {
            case .local(let ctx):
                found = try await PartnerDirectory(db: ctx.db, userID: ctx.userID, cards: ctx.services.partnerCards).suggestions(
                    limit: limit
                ).map(PartnerListing.init)
            case .remote(let api):
                found = try await api.get("partners", query: [("limit", String(limit))], as: List.self).partners
            }
            if output.json { return try Output.json(List(partners: found)) }
            guard !found.isEmpty else {
                return print("Nobody matches yet: nobody visible offers the types you want.")
            }
            for (n, p) in found.enumerated() {
                print("\(n + 1). \(p.handle)  (\(String(format: "%.1f", p.score)))")
                for r in p.reasons { print("   - \(r)") }
            }
        }
    }
}
