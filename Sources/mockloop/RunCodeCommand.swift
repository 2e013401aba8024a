import ArgumentParser
import Foundation
import MockLoopCore
import MockLoopRunner
import MockLoopServices
import MockLoopStore

/// `mockloop run-code FILE`: runs code against a question's hidden tests, or a tests file, in
/// the sandbox. Exit 0 when accepted, 1 when not, 2 on usage or internal errors (the sandbox
/// unavailable among them), so scripts can tell "wrong code" from "could not judge".
struct RunCodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-code",
        abstract: "Run code against a question's tests (or a tests file) in the sandbox and print the verdicts.")

    static let usageExit: Int32 = 2

    @Argument(help: "The code file.") var file: String
    @Option(help: "python, javascript, cpp or swift (default: from the file's extension).") var language: String?
    @Option(help: "A question id from the bank: run against its tests, and store the run.") var question: String?
    @Option(help: "A tests file: {\"mode\": \"function\"|\"stdio\", \"entryPoint\", \"compare\", \"cases\": [...]}.") var tests: String?
    @Option(help: "Store the run with this session (its id).") var session: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        do {
            let code = try Output.read(file)
            let chosen = language ?? (Language(fileExtension: (file as NSString).pathExtension)?.rawValue)
            guard let chosen else {
                throw MockLoopError.invalid(
                    "--language", "cannot tell the language from '\(file)': give --language python|javascript|cpp|swift")
            }
            switch (question, tests) {
            case (nil, nil): throw MockLoopError.invalid("--question", "give --question ID or --tests FILE")
            case (.some, .some): throw MockLoopError.invalid("--tests", "give --question or --tests, not both")
            default: break
            }
            let inline = try tests.map(Self.readTests)
            let runner = CodeRunner.shared(try AppConfig.resolve(dataDir: store.dataDir).runner)
            var report: RunReport?
            if question != nil || session != nil {
                // Runs against the bank (your own questions included) are stored with your log.
                try await CLIContext.run(store, failureCode: Self.usageExit) { ctx in
                    report = try await ctx.services.codeRuns(db: ctx.db, userID: ctx.userID)
                        .run(.init(language: chosen, code: code, questionId: question, tests: inline, sessionId: session)).report
                }
            } else {
                let parsed = try Language.parsed(chosen, field: "--language")
                guard let inline else { throw MockLoopError.invalid("--tests", "give --question ID or --tests FILE") }
                do { report = try await runner.run(Submission(source: code, language: parsed, tests: inline)) } catch let e as RunnerError {
                    throw e.asMockLoopError
                }
            }
            guard let report else { throw ExitCode(Self.usageExit) }
            if output.json { try Output.json(report) } else { print(RunReportText(report).text) }
            if report.verdict == .internalError { throw ExitCode(Self.usageExit) }
            if report.verdict != .accepted { throw ExitCode.failure }
        } catch let e as MockLoopError {
            FileHandle.standardError.write(Data("error: \(e.message)\n".utf8))
            throw ExitCode(Self.usageExit)
        }
    }

    static func readTests(_ path: String) throws -> CodeTests {
        let text = try Output.read(path)
        do {
            return try JSONDecoder().decode(CodeTests.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw MockLoopError.invalid("--tests", "\(path): \(DecodingProblem(error).text)")
        }
    }
}

/// A decoding error in words: the path to the field and what is wrong.
struct DecodingProblem {
    let text: String

    init(_ error: DecodingError) {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(
                in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let c): text = "\(path(c.codingPath + [key])) is missing"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): text = "\(path(c.codingPath)): \(c.debugDescription)"
        case .dataCorrupted(let c): text = c.codingPath.isEmpty ? "not valid JSON" : "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: text = "cannot be read"
        }
    }
}
