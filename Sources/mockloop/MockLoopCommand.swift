import ArgumentParser

/// `mockloop`: the server and the practice loop from the terminal, on the same data.
@main
struct MockLoopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mockloop",
        abstract: "Mock-interview practice: rubrics, question bank, sessions, retrospectives and the running log.",
        subcommands: [Serve.self, Migrate.self, RubricsCommand.self, QuestionsCommand.self, LogCommand.self, AnalyzeCommand.self]
    )
}

/// Where the data lives; the same for every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Data directory for the SQLite file (default: $MOCKLOOP_DATA_DIR or ~/.mockloop). DATABASE_URL selects PostgreSQL instead.")
    var dataDir: String?
}

/// `--json` on every read command.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts.")
    var json = false
}
