import ArgumentParser
import Foundation
import MockLoopCore
import MockLoopStore
import NIOCore

/// `mockloop log add|list|show|export|import`: the running log from the terminal.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "The running log.",
        subcommands: [Add.self, List.self, Show.self, Export.self, Import.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log a finished session with its scores (and optionally its retrospective).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "coding, system_design, behavioral, api_design, data_modeling") var type: String
        @Option(help: "ai, peer, paid_pro, friend, solo, real") var mode = "peer"
        @Option(help: "Question id from the bank.") var question: String?
        @Option(help: "Question text when it is not in the bank.") var title: String?
        @Option var interviewer: String?
        @Option var company: String?
        @Option(help: "When it happened (2026-11-21 or ISO 8601); default now.") var date: String?
        @Option(name: .customLong("score"), help: "Interviewer score, dimension=1..3 (repeat).") var scores: [String] = []
        @Option(name: .customLong("self"), help: "Self-score, dimension=1..3 (repeat).") var selfScores: [String] = []
        @Option(help: "Self-rated confidence 1-5.") var confidence: Int?
        @Option(help: "Minutes.") var duration: Int?
        @Option var hints = 0
        @Option var pauses = 0
        @Option(help: "What went well, and why.") var wentWell: String?
        @Option(help: "What went wrong.") var wentWrong: String?
        @Option(help: "The dimension of the one priority fix.") var fixDimension: String?
        @Option(help: "The one priority fix.") var fix: String?
        @Option(help: "One concrete drill.") var drill: String?

        func run() async throws {
            try await Workspace.run(store) { workspace in
                let type = try InterviewType.parsed(type, field: "--type")
                let mode = try SessionMode.parsed(mode, field: "--mode")
                var when: Date?
                if let date {
                    guard let d = LogDate.parse(date) else {
                        throw MockLoopError.invalid("--date", "'\(date)' is not a date (use 2026-11-21)")
                    }
                    when = d
                }
                var sheet = ScoreSheet(confidence: confidence, durationMinutes: duration, hintsUsed: hints, pauses: pauses)
                for (flag, list) in [("--score", scores), ("--self", selfScores)] {
                    for item in list {
                        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                        guard parts.count == 2, let n = Int(parts[1]) else {
                            throw MockLoopError.invalid(flag, "expected dimension=score, got '\(item)'")
                        }
                        if flag == "--score" {
                            sheet.interviewerScores[parts[0]] = DimensionScore(score: n)
                        } else {
                            sheet.selfScores[parts[0]] = n
                        }
                    }
                }
                let retro =
                    fix == nil && drill == nil && wentWell == nil && wentWrong == nil
                    ? nil
                    : RetroDraft(
                        wentWell: wentWell, wentWrong: wentWrong, priorityFix: PriorityFix(dimension: fixDimension ?? "", text: fix ?? ""),
                        drill: drill)
                let plan = SessionPlan(
                    type: type, mode: mode, questionId: question, questionTitle: title, interviewer: interviewer,
                    company: company, date: when, scores: sheet, retro: retro)
                let entry: LogEntry =
                    switch workspace {
                    case .local(let ctx): try await SessionRepository(db: ctx.db, userID: ctx.userID).create(plan)
                    case .remote(let api): try await api.post("sessions", json: plan)
                    }
                if output.json { return try Output.json(entry) }
                print("Logged session \(entry.id.uuidString.lowercased())")
            }
        }
    }

    struct List: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option var type: String?
        @Option var mode: String?
        @Option(help: "planned, started, completed or abandoned") var status: String?
        @Option(help: "From date (2026-11-01).") var from: String?
        @Option(help: "To date.") var to: String?
        @Option(help: "Search question, interviewer, notes and fixes.") var search: String?
        @Option var limit = 20
        @Option var offset = 0

        func run() async throws {
            try await Workspace.run(store) { workspace in
                func date(_ raw: String?, _ name: String) throws -> Date? {
                    guard let raw else { return nil }
                    guard let d = LogDate.parse(raw) else { throw MockLoopError.invalid("--\(name)", "'\(raw)' is not a date") }
                    return d
                }
                let query = LogQuery(
                    type: try type.map { try InterviewType.parsed($0, field: "--type") },
                    mode: try mode.map { try SessionMode.parsed($0, field: "--mode") },
                    status: try status.map { try SessionStatus.parsed($0, field: "--status") },
                    from: try date(from, "from"), to: try date(to, "to").map { $0.addingTimeInterval(86399) }, text: search, limit: limit,
                    offset: offset)
                let page: LogPage =
                    switch workspace {
                    case .local(let ctx): try await LogRepository(db: ctx.db, userID: ctx.userID).page(query)
                    case .remote(let api):
                        try await api.get(
                            "sessions",
                            query: [
                                ("type", query.type?.rawValue), ("mode", query.mode?.rawValue), ("status", query.status?.rawValue),
                                ("from", from), ("to", to), ("q", search), ("limit", String(limit)), ("offset", String(offset)),
                            ])
                    }
                if output.json { return try Output.json(page) }
                Output.table(
                    ["DATE", "STATUS", "TYPE", "MODE", "QUESTION", "AVG", "FIX", "ID"],
                    page.entries.map { e in
                        [
                            LogColumns.formatDate(e.date).prefix(10).description, e.status.rawValue, e.type.rawValue, e.mode.rawValue,
                            e.questionTitle ?? "-",
                            e.averageScore.map { String(format: "%.1f", $0) } ?? "-", e.retro?.priorityFix.text ?? "",
                            String(e.id.uuidString.lowercased().prefix(8)),
                        ]
                    }, maxWidth: 30)
                print("\(page.entries.count) of \(page.total) session\(page.total == 1 ? "" : "s")")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Session id (or its first 8 characters, as `log list` shows).") var id: String

        func run() async throws {
            try await Workspace.run(store) { workspace in
                var found: LogEntry?
                func prefixed(_ all: [LogEntry]) -> LogEntry? {
                    id.count >= 4 ? all.first { $0.id.uuidString.lowercased().hasPrefix(id.lowercased()) } : nil
                }
                switch workspace {
                case .local(let ctx):
                    if let uuid = UUID(uuidString: id) {
                        found = try await SessionRepository(db: ctx.db, userID: ctx.userID).find(uuid)
                    } else {
                        found = prefixed(try await LogRepository(db: ctx.db, userID: ctx.userID).all())
                    }
                case .remote(let api):
                    if let uuid = UUID(uuidString: id) {
                        found = try await api.get("sessions/\(uuid.uuidString.lowercased())")
                    } else {
                        found = prefixed(try await api.get("log/export", query: [("format", "json")]))
                    }
                }
                guard let e = found else { throw MockLoopError.notFound("session '\(id)'") }
                if output.json { return try Output.json(e) }
                let rubric: Rubric =
                    switch workspace {
                    case .local(let ctx): try await SessionRepository(db: ctx.db, userID: ctx.userID).rubric(of: e)
                    case .remote(let api): try await api.get("rubrics/\(e.rubricId)")
                    }
                print("\(e.type.label) · \(e.mode.label) · \(LogColumns.formatDate(e.date))\(e.interviewer.map { " · with \($0)" } ?? "")")
                print("Question: \(e.questionTitle ?? "-")   Rubric: \(rubric.name)   Status: \(e.status.rawValue)")
                Output.table(
                    ["DIMENSION", "INTERVIEWER", "SELF", "NOTE"],
                    rubric.dimensions.map { d in
                        [
                            d.name, e.scores.interviewerScores[d.key].map { String($0.score) } ?? "-",
                            e.scores.selfScores[d.key].map(String.init) ?? "-",
                            e.scores.interviewerScores[d.key]?.note ?? "",
                        ]
                    })
                if let r = e.retro {
                    print("\nWent well: \(r.wentWell)\nWent wrong: \(r.wentWrong)")
                    print(
                        "Priority fix (\(rubric.dimension(r.priorityFix.dimension)?.name ?? r.priorityFix.dimension)): \(r.priorityFix.text)"
                    )
                    print("Drill: \(r.drill.text) [\(r.drill.done ? "done" : "to do")]")
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        @OptionGroup var store: StoreOptions
        @Option(help: "csv or json") var format = "csv"
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() async throws {
            try await Workspace.run(store) { workspace in
                guard ["csv", "json"].contains(format) else {
                    throw MockLoopError.invalid("--format", "must be csv or json (got '\(format)')")
                }
                switch workspace {
                case .local(let ctx):
                    let entries = try await LogRepository(db: ctx.db, userID: ctx.userID).all()
                    if format == "csv" {
                        let rubrics = try await RubricRepository(db: ctx.db, userID: ctx.userID).all().map(\.rubric)
                        try Output.write(LogExport.csv(entries, rubrics: rubrics), to: out)
                    } else {
                        try Output.write(String(decoding: try LogExport.json(entries), as: UTF8.self), to: out)
                    }
                case .remote(let api): try Output.write(try await api.text("log/export", query: [("format", format)]), to: out)
                }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a CSV log (ours, a spreadsheet's or Notion's). Exits 1 if any row was refused.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A CSV file.") var file: String

        func run() async throws {
            try await Workspace.run(store) { workspace in
                let text = try Output.read(file)
                let result: LogRepository.ImportResult =
                    switch workspace {
                    case .local(let ctx): try await LogRepository(db: ctx.db, userID: ctx.userID).importCSV(text)
                    case .remote(let api):
                        try await api.post("log/import", file: ByteBuffer(string: text), type: "text", subType: "csv")
                    }
                if output.json {
                    try Output.json(result)
                } else {
                    print("Imported \(result.imported), already present \(result.duplicates), refused \(result.problems.count).")
                    for p in result.problems { print("  line \(p.line): \(p.reason)") }
                    if !result.ignoredColumns.isEmpty { print("Ignored columns: \(result.ignoredColumns.joined(separator: ", "))") }
                }
                if !result.problems.isEmpty { throw ExitCode.failure }
            }
        }
    }
}
