import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// The running log: the home page, the log page and API, export and import.
struct LogController {
    let services: AppServices

    func repo(_ req: Request) throws -> LogRepository { LogRepository(db: req.db, userID: try req.actingUser()) }

    func query(_ req: Request) throws -> LogQuery {
        let sort = try req.queryEnum(LogQuery.Sort.self, "sort") ?? .date
        let order = req.query[String.self, at: "order"] ?? "desc"
        guard order == "asc" || order == "desc" else { throw MockLoopError.invalid("order", "must be asc or desc (got '\(order)')") }
        var to = try req.queryDate("to")
        if let t = to, req.query[String.self, at: "to"]?.count == 10 { to = t.addingTimeInterval(86399) }  // a day means all of it
        return LogQuery(
            type: try req.queryEnum(InterviewType.self, "type"), mode: try req.queryEnum(SessionMode.self, "mode"),
            status: try req.queryEnum(SessionStatus.self, "status"),
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

    /// The export writes what the log shows: every session the filters match, on any page.
    func exportCSV(req: Request) async throws -> Response {
        let entries = try await try repo(req).all(matching: try query(req))
        let rubrics = try await RubricRepository(db: req.db, userID: try req.actingUser()).all().map(\.rubric)
        return download(LogExport.csv(entries, rubrics: rubrics), type: "text/csv; charset=utf-8", filename: "mockloop-log.csv")
    }

    func exportJSON(req: Request) async throws -> Response {
        let data = try LogExport.json(try await try repo(req).all(matching: try query(req)))
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
        try await req.view.render(
            "home", try await HomeSource.load(req, cards: services.partnerCards, now: services.config.clock.now()).page())
    }

    func logPage(req: Request) async throws -> View {
        let q = try query(req)
        var model = LogPageModel(
            q, page: try await repo(req).page(q), rubrics: try await rubricsByID(req), rawQuery: req.url.query ?? "",
            from: req.query[String.self, at: "from"] ?? "", to: req.query[String.self, at: "to"] ?? "",
            text: req.query[String.self, at: "q"] ?? "")
        model.mocksGiven = try await RoomRepository(db: req.db).mocksGiven(by: try req.actingUser())
        model.given = try await mocksGiven(req)
        model.deleted = req.queryBool("deleted")
        return try await req.view.render("log", model)
    }

    /// The latest mocks this user interviewed: each opens its replay, with their notes and
    /// their own retrospective.
    func mocksGiven(_ req: Request) async throws -> [LogPageModel.Given] {
        var given: [LogPageModel.Given] = []
        for room in try await RoomRepository(db: req.db).recentMocksGiven(by: try req.actingUser()) {
            let title = try? await QuestionRepository(db: req.db, userID: room.candidateID).find(room.questionID).question.title
            given.append(
                .init(
                    day: DateText.day(room.endedAt ?? room.createdAt), title: title ?? "a live mock",
                    candidate: try await UserModel.find(room.candidateID, on: req.db)?.name ?? "a candidate",
                    replay: "/rooms/\(try room.requireID().uuidString.lowercased())/replay"))
        }
        return given
    }

    func importForm(req: Request) async throws -> View {
        try await req.view.render("import", ImportPageModel(done: false, imported: 0, duplicates: 0, problems: [], ignoredColumns: ""))
    }

    /// Takes the file from a multipart upload, or pasted CSV text. A file that cannot be read
    /// at all comes back on the form, the problem beside the file field and pasted text kept.
    func importPage(req: Request) async throws -> Response {
        let text = req.uploadedText(file: "file", text: "csv")
        do {
            guard !text.isEmpty else { throw MockLoopError.invalid("file", "choose a CSV file or paste its text") }
            let result = try await try repo(req).importCSV(text)
            return try await req.view.render(
                "import",
                ImportPageModel(
                    done: true, imported: result.imported, duplicates: result.duplicates,
                    problems: result.problems.map { .init(line: $0.line, reason: $0.reason) },
                    ignoredColumns: result.ignoredColumns.joined(separator: ", "))
            ).encodeResponse(for: req)
        } catch let e as MockLoopError where e.kind == .invalid {
            var page = ImportPageModel(done: false, imported: 0, duplicates: 0, problems: [], ignoredColumns: "")
            // Problems about the file's content (its header, its encoding) belong to the file field.
            page.errors = ["file": e.fields["file"] ?? e.message]
            page.csv = (try? req.content.get(String.self, at: "csv")) ?? ""
            return try await req.view.render("import", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }
}
