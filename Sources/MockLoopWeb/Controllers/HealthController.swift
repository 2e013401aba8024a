import MockLoopStore
import Vapor

/// `/healthz`: which database, and proof that it answers.
struct HealthController {
    struct Health: Content {
        var status: String
        var database: String
        var checks: [String: String]
    }

    func check(req: Request) async throws -> Response {
        let kind = req.application.storage[StoreKindKey.self] ?? "unknown"
        do {
            try await StoreSetup.ping(req.db)
            return try await Health(status: "ok", database: kind, checks: ["database": "reachable"]).encodeResponse(for: req)
        } catch {
            req.logger.warning("health check: database unreachable")
            return try await Health(status: "failing", database: kind, checks: ["database": "unreachable"])
                .encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}
