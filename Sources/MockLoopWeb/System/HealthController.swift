import MockLoopRunner
import MockLoopServices
import MockLoopStore
import Vapor

/// `/healthz`: which database and proof that it answers, and whether code can run (the
/// sandbox's mode, or why it is unavailable). A missing sandbox does not fail the check:
/// everything but running code still works.
struct HealthController {
    let services: AppServices

    struct Health: Content {
        var status: String
        var database: String
        var checks: [String: String]
        var sandbox: Sandbox
    }

    struct Sandbox: Content {
        var status: String
        var mode: String?
        var reason: String?
        var languages: [String]
    }

    func check(req: Request) async throws -> Response {
        let kind = services.storeKind
        let runner = services.runner.status
        let sandbox = Sandbox(
            status: runner.available ? "available" : "unavailable", mode: runner.mode, reason: runner.reason,
            languages: runner.languages.map(\.rawValue))
        do {
            try await StoreSetup.ping(req.db)
            return try await Health(
                status: "ok", database: kind, checks: ["database": "reachable", "sandbox": sandbox.status],
                sandbox: sandbox
            ).encodeResponse(for: req)
        } catch {
            req.logger.warning("health check: database unreachable")
            return try await Health(
                status: "failing", database: kind, checks: ["database": "unreachable", "sandbox": sandbox.status],
                sandbox: sandbox
            ).encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}
