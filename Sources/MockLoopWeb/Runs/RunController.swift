import Foundation
import MockLoopCore
import MockLoopRunner
import MockLoopServices
import MockLoopStore
import Vapor

/// Running code: `POST /api/v1/run`, the stored runs and their rates, and the session page's form.
struct RunController {
    let services: AppServices

    func codeRuns(_ req: Request) throws -> CodeRunService { services.codeRuns(db: req.db, userID: try req.actingUser()) }

    struct RunsPage: Content {
        var summary: CodeRunRepository.Summary
        var runs: [CodeRunRepository.Run]
    }

    func run(req: Request) async throws -> Response {
        let body = try req.content.decode(CodeRunService.Request.self)
        let result = try await codeRuns(req).run(body)
        return try JSONResponse.encode(result)
    }

    func list(req: Request) async throws -> RunsPage {
        var sessionID: UUID?
        if let raw = req.query[String.self, at: "sessionId"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw MockLoopError.invalid("sessionId", "must be a session id (got '\(raw)')") }
            _ = try await SessionRepository(db: req.db, userID: try req.actingUser()).find(id)
            sessionID = id
        }
        let limit = try req.queryInt("limit") ?? 50
        guard (1...500).contains(limit) else { throw MockLoopError.invalid("limit", "must be 1–500 (got \(limit))") }
        let repo = CodeRunRepository(db: req.db, userID: try req.actingUser())
        return RunsPage(
            summary: try await repo.summary(sessionID: sessionID), runs: try await repo.list(sessionID: sessionID, limit: limit))
    }

    /// The session page's "Run code" form: runs against the session's question, then shows the
    /// result; a run that cannot start (no code, an unknown language) comes back with the code
    /// kept and the problem beside its field.
    func runPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let entry = try await SessionRepository(db: req.db, userID: try req.actingUser()).find(id)
        let code = (try? req.content.get(String.self, at: "code")) ?? ""
        let language = (try? req.content.get(String.self, at: "language")) ?? ""
        var input = CodeCard.Input(language: language, code: code, result: nil)
        var errors: [String: String] = [:]
        do {
            let result = try await codeRuns(req).run(
                .init(language: language, code: code, questionId: entry.questionId, sessionId: id.uuidString))
            input.result = RunView(result.report)
        } catch let e as MockLoopError where e.kind == .invalid {
            // The form has two fields; anything else about the run is said beside the code.
            errors = e.fields.renamingKeys { $0 == "language" ? "run-language" : "run-code" }
            if errors.isEmpty { errors["run-code"] = e.message }
        }
        var page = SessionPage(try await SessionPage.Source.load(id, req: req, services: services, run: input))
        page.errors = errors
        return try await req.view.render("session", page).encodeResponse(status: errors.isEmpty ? .ok : .unprocessableEntity, for: req)
    }
}
