import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// The running log: the home page, the log page and API, export and import.
struct LogController {
    func repo(_ req: Request) throws -> LogRepository { LogRepository(db: req.db, userID: try req.actingUser()) }

    func query(_ req: Request) throws -> LogQuery {
        let sortRaw = req.query[String.self, at: "sort"] ?? "date"
        guard let sort = LogQuery.Sort(rawValue: sortRaw) else {
            throw MockLoopError.invalid(
                "sort", "must be one of \(LogQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(sortRaw)')")
        }
        let order = req.query[String.self, at: "order"] ?? "desc"
        guard order == "asc" || order == "desc" else { throw MockLoopError.invalid("order", "must be asc or desc (got '\(order)')") }
        var to = try req.queryDate("to")
        if let t = to, req.query[String.self, at: "to"]?.count == 10 { to = t.addingTimeInterval(86399) }  // a day means all of it
        return LogQuery(
            type: try req.queryEnum(InterviewType.self, "type"), mode: try req.queryEnum(SessionMode.self, "mode"),
            from: try req.queryDate("from"), to: to, text: req.query[String.self, at: "q"], sort: sort,
            descending: order == "desc", limit: try req.queryInt("limit") ?? 50, offset: try req.queryInt("offset") ?? 0)
    }

    func rubricsByID(_ req: Request) async throws -> [String: Rubric] {
        try await RubricRepository(db: req.db, userID: try req.actingUser()).byID()
    }

    // MARK: API

    func list(req: Request) async throws -> LogPage { try await try repo(req).page(try query(req)) }

    func export(req: Request) async throws -> Response {
        switch req.query[String.self, at: "format"] ?? "csv" {
        case "csv": return try await exportCSV(req: req)
        case "json": return try await exportJSON(req: req)
        case let other: throw MockLoopError.invalid("format", "must be csv or json (got '\(other)')")
        }
    }

    func exportCSV(req: Request) async throws -> Response {
        let entries = try await try repo(req).all()
        let rubrics = try await RubricRepository(db: req.db, userID: try req.actingUser()).all().map(\.rubric)
        return download(LogExport.csv(entries, rubrics: rubrics), type: "text/csv; charset=utf-8", filename: "mockloop-log.csv")
    }

    func exportJSON(req: Request) async throws -> Response {
        let data = try LogExport.json(try await try repo(req).all())
        return download(String(decoding: data, as: UTF8.self), type: "application/json", filename: "mockloop-log.json")
    }

    func importCSV(req: Request) async throws -> LogRepository.ImportResult {
        guard let text = req.body.string, !text.isEmpty else {
            throw MockLoopError.invalid("body", "send the CSV file as the request body")
        }
        return try await try repo(req).importCSV(text)
    }

    // MARK: Pages

    func home(req: Request) async throws -> View {
        let sessions = SessionRepository(db: req.db, userID: try req.actingUser())
        let rubrics = try await rubricsByID(req)
        var fixes: [FixCard] = []
        for type in InterviewType.allCases {
            let last = try await sessions.lastFix(type: type)
            if let card = FixCard(last, rubric: last.flatMap { rubrics[$0.rubricId] }) { fixes.append(card) }
        }
        let recent = try await try repo(req).page(LogQuery(limit: 5))
        return try await req.view.render(
            "home",
            HomePage(
                fixes: fixes, recent: recent.entries.map { LogRow($0, rubric: rubrics[$0.rubricId]) },
                total: recent.total))
    }

    func logPage(req: Request) async throws -> View {
        let q = try query(req)
        let page = try await try repo(req).page(q)
        let rubrics = try await rubricsByID(req)
        func link(offset: Int) -> String {
            var items = (req.url.query ?? "").split(separator: "&").filter { !$0.hasPrefix("offset=") }.map(String.init)
            items.append("offset=\(offset)")
            return "/log?" + items.joined(separator: "&")
        }
        let model = LogPageModel(
            types: Choice.list(InterviewType.self, selected: q.type?.rawValue, blank: "All types"),
            modes: Choice.list(SessionMode.self, selected: q.mode?.rawValue, blank: "All modes"),
            sorts: LogQuery.Sort.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0 == q.sort) },
            from: req.query[String.self, at: "from"] ?? "", to: req.query[String.self, at: "to"] ?? "",
            q: req.query[String.self, at: "q"] ?? "",
            descending: q.descending, rows: page.entries.map { LogRow($0, rubric: rubrics[$0.rubricId]) }, total: page.total,
            showingFrom: page.total == 0 ? 0 : q.offset + 1, showingTo: q.offset + page.entries.count,
            previousURL: q.offset > 0 ? link(offset: max(0, q.offset - q.limit)) : nil,
            nextURL: q.offset + q.limit < page.total ? link(offset: q.offset + q.limit) : nil,
            exportQuery: "")
        return try await req.view.render("log", model)
    }

    func importForm(req: Request) async throws -> View {
        try await req.view.render("import", ImportPageModel(done: false, imported: 0, duplicates: 0, problems: [], ignoredColumns: ""))
    }

    /// Takes the file from a multipart upload, or pasted CSV text.
    func importPage(req: Request) async throws -> View {
        let text = req.uploadedText(file: "file", text: "csv")
        guard !text.isEmpty else { throw MockLoopError.invalid("file", "choose a CSV file or paste its text") }
        let result = try await try repo(req).importCSV(text)
        return try await req.view.render(
            "import",
            ImportPageModel(
                done: true, imported: result.imported, duplicates: result.duplicates,
                problems: result.problems.map { .init(line: $0.line, reason: $0.reason) },
                ignoredColumns: result.ignoredColumns.joined(separator: ", ")))
    }
}
