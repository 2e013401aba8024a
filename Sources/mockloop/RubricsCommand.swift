import ArgumentParser
import MockLoopCore
import MockLoopStore

/// `mockloop rubrics list|show|export`.
struct RubricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubrics", abstract: "Browse and export rubrics.",
        subcommands: [List.self, Show.self, Export.self])

    struct List: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CLIContext.run(store) { ctx in
                let rubrics = try await RubricRepository(db: ctx.db, userID: ctx.userID).all()
                if output.json { return try Output.json(rubrics.map(\.rubric)) }
                Output.table(
                    ["ID", "NAME", "TYPE", "DIMS", "SOURCE"],
                    rubrics.map {
                        [
                            $0.rubric.id, $0.rubric.name, $0.rubric.type.label, String($0.rubric.dimensions.count),
                            $0.builtIn ? "built in" : "yours",
                        ]
                    })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Rubric id, e.g. coding.") var id: String

        func run() async throws {
            try await CLIContext.run(store) { ctx in
                let rubric = try await RubricRepository(db: ctx.db, userID: ctx.userID).find(id).rubric
                if output.json { return try Output.json(rubric) }
                print(rubric.markdown)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export a rubric as Markdown.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Rubric id.") var id: String
        @Option(name: .long, help: "Write to this file instead of standard output.") var out: String?

        func run() async throws {
            try await CLIContext.run(store) { ctx in
                try Output.write(try await RubricRepository(db: ctx.db, userID: ctx.userID).find(id).rubric.markdown, to: out)
            }
        }
    }
}
