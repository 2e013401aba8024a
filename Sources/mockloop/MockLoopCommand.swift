import ArgumentParser
import Foundation

/// `mockloop`: the server and the practice loop from the terminal, on the same data.
@main
struct MockLoopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mockloop",
        abstract: "Mock-interview practice: rubrics, question bank, sessions, retrospectives and the running log.",
        subcommands: [
            Serve.self, Migrate.self, RubricsCommand.self, QuestionsCommand.self, LogCommand.self, AnalyzeCommand.self,
            RunCodeCommand.self, ReportCommand.self, PracticeCommand.self, TargetCommand.self, UsersCommand.self, LoginCommand.self,
            LogoutCommand.self, ArchiveCommand.self, PartnersCommand.self,
        ]
    )

    /// `run-code` promises exit 2 for usage errors (the parser's default is 64), so scripts can
    /// tell "could not judge" from "wrong code" (1).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        } catch {
            let runCode = CommandLine.arguments.dropFirst().first == RunCodeCommand.configuration.commandName
            if runCode && exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(RunCodeCommand.usageExit)
            }
            exit(withError: error)
        }
    }
}

/// Where the data lives; the same for every command.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Data directory for the SQLite file (default: $MOCKLOOP_DATA_DIR or ~/.mockloop). DATABASE_URL selects PostgreSQL instead.")
    var dataDir: String?

    @Flag(name: .long, help: "Use this machine's data even when logged in to a server (mockloop login).")
    var local = false
}

/// `--json` on every read command.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts.")
    var json = false
}
