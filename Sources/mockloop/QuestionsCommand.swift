import ArgumentParser
import Foundation
import MockLoopCore
import MockLoopStore
import NIOCore
import Yams

/// `mockloop questions list|show|pick|import|export`.
struct QuestionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions", abstract: "The question bank.",
        subcommands: [List.self, Show.self, Pick.self, Import.self, Export.self])

    struct Filters: ParsableArguments {
        @Option(help: "coding, system_design, behavioral, api_design, data_modeling") var type: String?
        @Option(help: "easy, medium, hard") var difficulty: String?
        @Option(help: "A topic, e.g. graphs") var topic: String?
        @Option(help: "junior, mid, senior, staff") var level: String?
        @Option(help: "tier1, tier2, tier3") var tier: String?
        @Option(help: "Text in the title or prompt") var search: String?

        /// The same filters as the API's query (the server reads them as loosely as `filter()` does).
        var query: [(String, String?)] {
            [("type", type), ("difficulty", difficulty), ("topic", topic), ("level", level), ("tier", tier), ("q", search)]
        }

        func filter() throws -> QuestionFilter {
            func value<E: LooseParsable>(_: E.Type, _ raw: String?, _ name: String) throws -> E? {
                guard let raw else { return nil }
                return try E.parsed(raw, field: "--\(name)")
            }
            return QuestionFilter(
                type: try value(InterviewType.self, type, "type"), difficulty: try value(Difficulty.self, difficulty, "difficulty"),
                topic: topic, level: try value(Level.self, level, "level"), tier: try value(CompanyTier.self, tier, "tier"), text: search)
        }
    }

    struct List: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @OptionGroup var filters: Filters
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await Workspace.run(store) { workspace in
                let f = try filters.filter()
                let questions: [Question] =
                    switch workspace {
                    case .local(let ctx): try await QuestionRepository(db: ctx.db, userID: ctx.userID).all(type: f.type).filter(f.matches)
                    case .remote(let api): try await api.get("questions", query: filters.query)
                    }
                if output.json { return try Output.json(questions) }
                Output.table(
                    ["ID", "TITLE", "TYPE", "DIFFICULTY", "TOPICS"],
                    questions.map {
                        [$0.id, $0.title, $0.type.rawValue, $0.difficulty.rawValue, $0.topics.joined(separator: ",")]
                    }, maxWidth: 40)
                print("\(questions.count) questions")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Question id.") var id: String

        func run() async throws {
            try await Workspace.run(store) { workspace in
                let q: Question =
                    switch workspace {
                    case .local(let ctx): try await QuestionRepository(db: ctx.db, userID: ctx.userID).find(id).question
                    case .remote(let api):
                        try await api.get("questions/\(id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id)")
                    }
                if output.json { return try Output.json(q) }
                Self.print(q)
            }
        }

        static func print(_ q: Question) {
            Swift.print(
                "\(q.title)\n\(q.type.label) · \(q.difficulty.label) · \(q.topics.joined(separator: ", ")) · \(q.levels.map(\.rawValue).joined(separator: "/"))\n"
            )
            Swift.print(q.prompt + "\n")
            for (title, items) in [("Follow-ups", q.followUps), ("Hints", q.hints), ("Key points", q.keyPoints)] where !items.isEmpty {
                Swift.print(title + ":")
                items.enumerated().forEach { Swift.print("  \($0 + 1). \($1)") }
            }
        }
    }

    struct Pick: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pick a question calibrated to the target, avoiding ones already done.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var filters: Filters
        @OptionGroup var output: OutputOptions
        @Option(help: "Seed for a reproducible pick.") var seed: UInt64?
        @Flag(help: "Allow questions already done.") var includeSeen = false

        func run() async throws {
            try await Workspace.run(store) { workspace in
                let f = try filters.filter()
                let seed = seed ?? UInt64.random(in: 0...UInt64.max)
                let pick: Picked
                switch workspace {
                case .local(let ctx):
                    let repo = QuestionRepository(db: ctx.db, userID: ctx.userID)
                    let p = try QuestionPicker(questions: try await repo.all(type: f.type))
                        .pick(filter: f, seen: try await repo.seenIDs(), includeSeen: includeSeen, seed: seed)
                    pick = Picked(question: p.question, isRepeat: p.isRepeat, fellBack: p.fellBack)
                case .remote(let api):
                    pick = try await api.get(
                        "questions/pick",
                        query: filters.query + [("seed", String(Int64(bitPattern: seed))), ("includeSeen", includeSeen ? "true" : nil)])
                }
                if output.json { return try Output.json(pick) }
                Show.print(pick.question)
                if pick.isRepeat { print("\nNote: you have done this question before.") }
            }
        }
    }

    /// A pick as the API answers it.
    struct Picked: Codable {
        var question: Question
        var isRepeat: Bool
        var fellBack: Bool
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add your own questions from a YAML file, or import a pack (questions and rubrics; see docs/content-format.md). All or nothing."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "A YAML file: a question list, or a pack (`pack: 1`).") var file: String

        func run() async throws {
            try await Workspace.run(store) { workspace in
                let text = try Output.read(file)
                if QuestionPack.looksLikePack(text) {
                    let pack = try QuestionPack.parse(yaml: text, fileName: file)
                    let report: PackRepository.Report =
                        switch workspace {
                        case .local(let ctx): try await PackRepository(db: ctx.db, userID: ctx.userID).importPack(pack)
                        case .remote(let api):
                            try await api.post(
                                "packs", file: ByteBuffer(string: text), type: "application", subType: "yaml",
                                as: PackRepository.Report.self)
                        }
                    print(report.summary)
                    for (label, ids) in [
                        ("Added questions", report.addedQuestions), ("Updated questions", report.updatedQuestions),
                        ("Added rubrics", report.addedRubrics), ("Updated rubrics", report.updatedRubrics),
                    ] where !ids.isEmpty {
                        print("\(label): \(ids.joined(separator: ", "))")
                    }
                    for r in report.refused { print("Refused \(r.kind) \(r.id): \(r.reason)") }
                    return
                }
                let questions = try ContentLibrary.parseQuestions(yaml: text, fileName: file, builtIn: false)
                let added: [Question] =
                    switch workspace {
                    case .local(let ctx): try await QuestionRepository(db: ctx.db, userID: ctx.userID).add(questions)
                    case .remote(let api):
                        try await api.post(
                            "questions", file: ByteBuffer(string: text), type: "application", subType: "yaml", as: [Question].self)
                    }
                print("Added \(added.count) questions: \(added.map(\.id).joined(separator: ", "))")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @OptionGroup var filters: Filters
        @Option(help: "yaml or json") var format = "yaml"
        @Option(help: "Write to this file instead of standard output.") var out: String?
        @Flag(help: "Export a pack: your own questions and rubrics, with their facts and model answers.") var pack = false
        @Option(help: "The pack's name (with --pack).") var name = "My questions"
        @Flag(help: "With --pack: include the built-in bank too.") var builtIn = false

        func run() async throws {
            try await Workspace.run(store) { workspace in
                if pack {
                    let name = name.trimmingCharacters(in: .whitespaces)
                    guard !name.isEmpty, name.count <= 200 else { throw MockLoopError.invalid("--name", "must be 1–200 characters") }
                    switch workspace {
                    case .local(let ctx):
                        let exported = try await PackRepository(db: ctx.db, userID: ctx.userID).export(name: name, builtIn: builtIn)
                        return try Output.write(try exported.yaml(), to: out)
                    case .remote(let api):
                        return try Output.write(
                            try await api.text("packs/export", query: [("name", name), ("builtIn", builtIn ? "true" : nil)]), to: out)
                    }
                }
                guard ["yaml", "json"].contains(format) else {
                    throw MockLoopError.invalid("--format", "must be yaml or json (got '\(format)')")
                }
                let f = try filters.filter()
                let ctx: CLIContext
                switch workspace {
                case .local(let local): ctx = local
                case .remote(let api):
                    return try Output.write(try await api.text("questions/export", query: filters.query + [("format", format)]), to: out)
                }
                let questions = try await QuestionRepository(db: ctx.db, userID: ctx.userID).all(type: f.type).filter(f.matches)
                switch format {
                case "yaml": try Output.write(try YAMLEncoder().encode(["questions": questions.map(QuestionDraft.init)]), to: out)
                case "json":
                    let e = JSONEncoder()
                    e.outputFormatting = [.prettyPrinted, .sortedKeys]
                    try Output.write(String(decoding: try e.encode(questions), as: UTF8.self), to: out)
                default: throw MockLoopError.invalid("--format", "must be yaml or json (got '\(format)')")
                }
            }
        }
    }
}
