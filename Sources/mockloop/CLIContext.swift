import ArgumentParser
import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// An open store for one CLI command: the application services (migrated, seeded, with the
/// local owner's id), built from the same resolved configuration as the server's.
struct CLIContext {
    let app: Application
    let services: AppServices
    var userID: UUID { services.owner }
    var db: Database { app.db }

    /// Runs `body` against the store and turns product errors into a one-line reason and exit 1.
    static func run(_ options: StoreOptions, failureCode: Int32 = 1, _ body: (CLIContext) async throws -> Void) async throws {
        var env = Environment(name: "production", arguments: ["mockloop"])
        env.arguments = ["mockloop"]
        let app = try await Application.make(env)
        app.logger.logLevel = .warning
        var failure: Error?
        do {
            let config = try AppConfig.resolve(dataDir: options.dataDir)
            let services = try await AppServices.start(app, config, content: try ContentLibrary.builtIn())
            try await body(CLIContext(app: app, services: services))
        } catch {
            failure = error
        }
        try await app.asyncShutdown()
        if let failure { try fail(failure, code: failureCode) }
    }

    /// A product error as one line on standard error and the exit code; the parser's own
    /// exits pass through.
    static func fail(_ failure: Error, code: Int32 = 1) throws -> Never {
        if failure is ExitCode || failure is CleanExit { throw failure }
        FileHandle.standardError.write(Data("error: \(Self.reason(failure))\n".utf8))
        throw ExitCode(code)
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case let e as MockLoopError: e.message
        case let e as ContentError: e.errorDescription ?? "\(e)"
        case let e as LocalizedError: e.errorDescription ?? "\(e)"
        default: "\(error)"
        }
    }
}

/// Output helpers shared by the commands.
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// A plain text table that fits a terminal: columns padded, long cells cut.
    static func table(_ headers: [String], _ rows: [[String]], maxWidth: Int = 48) {
        let cut = rows.map { $0.map { $0.count > maxWidth ? String($0.prefix(maxWidth - 1)) + "…" : $0 } }
        let widths = headers.indices.map { i in max(headers[i].count, cut.map { $0[i].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        print(line(headers))
        print(line(widths.map { String(repeating: "-", count: $0) }))
        cut.forEach { print(line($0)) }
    }

    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw MockLoopError.invalid("--out", "cannot write \(path): \(error.localizedDescription)")
        }
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw MockLoopError.invalid("FILE", "cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw MockLoopError.invalid("FILE", "\(path) is not UTF-8 text") }
        return text
    }
}
