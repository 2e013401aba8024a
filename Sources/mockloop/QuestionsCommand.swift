import ArgumentParser
import Foundation
import MockLoopCore
import MockLoopStore
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
            try await CLIContext.run(store) { ctx in
                let f = try filters.filter()
                let questions = try await QuestionRepository(db: ctx.db, userID: ctx.userID).all(type: f.type).filter(f.matches)
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
            try await CLIContext.run(store) { ctx in
                let q = try await QuestionRepository(db: ctx.db, userID: ctx.userID).find(id).question
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
            try await CLIContext.run(store) { ctx in
                let f = try filters.filter()
                let repo = QuestionRepository(db: ctx.db, userID: ctx.userID)
                let pick = try QuestionPicker(questions: try await repo.all(type: f.type))
                    .pick(
                        filter: f, seen: try await repo.seenIDs(), includeSeen: includeSeen, seed: seed ?? UInt64.random(in: 0...UInt64.max)
                    )
                if output.json {
                    struct Picked: Encodable {
                        var question: Question
                        var isRepeat: Bool
                        var fellBack: Bool
                    }
                    return try Output.json(Picked(question: pick.question, isRepeat: pick.isRepeat, fellBack: pick.fellBack))
                }
                Show.print(pick.question)
                if pick.isRepeat { print("\nNote: you have done this question before.") }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add your own questions from a YAML file, or import a pack (questions and rubrics; see docs/content-format.md). All or nothing."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "A YAML file: a question list, or a pack (`pack: 1`).") var file: String

        func run() async throws {
            try await CLIContext.run(store) { ctx in
                let text = try Output.read(file)
                if QuestionPack.looksLikePack(text) {
                    let report = try await PackRepository(db: ctx.db, userID: ctx.userID).importPack(
                        try QuestionPack.parse(yaml: text, fileName: file))
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
                let added = try await QuestionRepository(db: ctx.db, userID: ctx.userID).add(questions)
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
            try await CLIContext.run(store) { ctx in
                if pack {
                    let name = name.trimmingCharacters(in: .whitespaces)
                    guard !name.isEmpty, name.count <= 200 else { throw MockLoopError.invalid("--name", "must be 1–200 characters") }
                    let exported = try await PackRepository(db: ctx.db, userID: ctx.userID).export(name: name, builtIn: builtIn)
                    return try Output.write(try exported.yaml(), to: out)
                }
                let f = try filters.filter()
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
