import Foundation
import MockLoopTestSupport
import Testing
import VaporTesting

@Suite struct OpenAPITests {
    /// Every /api/v1 route the server has is documented, and nothing documented is missing (an
    /// instance with accounts serves them all; a solo one all but the account's own).
    @Test func documentMatchesTheRoutes() async throws {
        try await withMockLoopApp(.sqlite, config: withAccounts()) { app in
            var documented = Set<String>()
            try await app.testing().test(.GET, "/openapi.json") { res in
                #expect(res.status == .ok)
                let doc = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any] ?? [:]
                #expect((doc["openapi"] as? String)?.hasPrefix("3.1") == true)
                for (path, item) in doc["paths"] as? [String: [String: Any]] ?? [:] {
                    for method in item.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                        documented.insert(
                            "\(method.uppercased()) \(path.replacingOccurrences(of: #"\{[^}]+\}"#, with: ":id", options: .regularExpression))"
                        )
                    }
                }
            }
            let served = Set(
                app.routes.all.compactMap { route -> String? in
                    let path = "/" + route.path.map { $0.description.hasPrefix(":") ? ":id" : $0.description }.joined(separator: "/")
                    return path.hasPrefix("/api/v1") || path == "/healthz" ? "\(route.method.rawValue) \(path)" : nil
                })
            #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented).sorted())")
            #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
        }
    }

    @Test func everyOperationButHealthSaysWhatAnAnonymousCallerGets() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let res = try await app.testing().sendRequest(.GET, "/openapi.json")
            let doc = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any] ?? [:]
            var checked = 0
            for (path, item) in doc["paths"] as? [String: [String: Any]] ?? [:] {
                for (method, op) in item where ["get", "post", "put", "delete"].contains(method) {
                    let responses = (op as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                    #expect((responses["401"] != nil) == (path != "/healthz"), "\(method) \(path)")
                    checked += 1
                }
            }
            #expect(checked > 40)
            let schemes = (doc["components"] as? [String: Any])?["securitySchemes"] as? [String: Any] ?? [:]
            #expect(Set(schemes.keys) == ["bearerAuth", "cookieAuth"])
            let solo = try await app.testing().sendRequest(.GET, "/api/v1/account")
            #expect(solo.status == .notFound, "a solo instance has no account routes")
        }
    }
}
