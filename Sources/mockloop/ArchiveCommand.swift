import ArgumentParser
import Foundation
import MockLoopCore
import MockLoopStore
import NIOCore

/// `mockloop archive export|import`: everything of mine as one JSON document, and that document
/// read back — here, on another machine, or on a server after `mockloop login`.
struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "Everything of yours as one JSON file, and that file imported here or elsewhere.",
        subcommands: [Export.self, Import.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write profile, target, own questions and rubrics, and every session with all that hangs off it.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() async throws {
            try await Workspace.run(store) { workspace in
                switch workspace {
                case .local(let ctx):
                    let archive = try await ArchiveRepository(db: ctx.db, userID: ctx.userID).export()
                    try Output.write(String(decoding: try archive.encoded(), as: UTF8.self), to: out)
                case .remote(let api): try Output.write(try await api.text("archive"), to: out)
                }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import an archive with this store's ids; all or nothing; sessions imported before are skipped.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An archive file (from archive export or the web page).") var file: String

        func run() async throws {
            try await Workspace.run(store) { workspace in
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw MockLoopError.invalid("FILE", "cannot read \(file)")
                }
                let archive = try AccountArchive.decode(data, fileName: file)
                let report: ArchiveRepository.ImportReport =
                    switch workspace {
                    case .local(let ctx): try await ArchiveRepository(db: ctx.db, userID: ctx.userID).importArchive(archive)
                    case .remote(let api):
                        try await api.post("archive", file: ByteBuffer(data: data), type: "application", subType: "json")
                    }
                if output.json { return try Output.json(report) }
                print(report.summary)
                for r in report.refused { print("Refused \(r.kind) \(r.id): \(r.reason)") }
            }
        }
    }
}
