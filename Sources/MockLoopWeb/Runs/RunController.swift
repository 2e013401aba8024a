import Foundation
import MockLoopCore
import MockLoopRunner
import MockLoopStore
import Vapor

/// Running code: `POST /api/v1/run`, the stored runs and their rates, and the session page's form.
struct RunController {
    struct RunsPage: Content {
        var summary: CodeRunRepository.Summary
        var runs: [CodeRunRepository.Run]
    }

    func run(req: Request) async throws -> Response {
        let body = try req.content.decode(CodeRunService.Request.self)
        let result = try await req.codeRuns.run(body)
        return try Self.json(result)
    }

    func list(req: Request) async throws -> RunsPage {
        var sessionID: UUID?
        if let raw = req.query[String.self, at: "sessionId"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw MockLoopError.invalid("sessionId", "must be a session id (got '\(raw)')") }
            _ = try await SessionRepository(db: req.db, userID: req.userID).find(id)
            sessionID = id
        }
        let limit = try req.queryInt("limit") ?? 50
        guard (1...500).contains(limit) else { throw MockLoopError.invalid("limit", "must be 1–500 (got \(limit))") }
        let repo = CodeRunRepository(db: req.db, userID: req.userID)
        return RunsPage(
            summary: try await repo.summary(sessionID: sessionID), runs: try await repo.list(sessionID: sessionID, limit: limit))
    }

    /// The session page's "Run code" form: runs against the session's question, then shows the result.
    func runPage(req: Request) async throws -> View {
        let id = try req.sessionID()
        let entry = try await SessionRepository(db: req.db, userID: req.userID).find(id)
        let code = (try? req.content.get(String.self, at: "code")) ?? ""
        let language = (try? req.content.get(String.self, at: "language")) ?? ""
        let result = try await req.codeRuns.run(
            .init(
                language: language, code: code, questionId: entry.questionId,
                sessionId: id.uuidString))
        return try await SessionPageBuilder(req: req).render(id, run: RunView(result.report), code: code, language: language)
    }

    static func json<T: Encodable>(_ value: T) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(value)))
    }
}

struct RunnerKey: StorageKey { typealias Value = CodeRunner }

extension Request {
    var codeRuns: CodeRunService {
        CodeRunService(runner: application.storage[RunnerKey.self]!, db: db, userID: userID)
    }
}
