import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A local stand-in for an OpenAI-compatible `/v1/chat/completions` server on a free loopback
/// port. The requested model name picks its behaviour, so one stub covers every case.
final class ChatStub: Sendable {
    static let reply = "Before you write more code: what does that cost in time and in memory?"
    static let invented = "Assume up to 10^9 elements, and every value is positive."

    typealias Recorded = NIOLockedValueBox<(body: Data, auth: String?)?>

    let app: Application
    let port: Int
    /// The last request body and Authorization header, to check what the client sent.
    let recorded: Recorded

    private init(app: Application, port: Int, recorded: Recorded) {
        self.app = app
        self.port = port
        self.recorded = recorded
    }

    var url: String { "http://127.0.0.1:\(port)" }

    static func start() async throws -> ChatStub {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        let box = Recorded(nil)
        app.post("v1", "chat", "completions") { req async throws -> Response in
            let raw = Data(buffer: req.body.data ?? ByteBuffer())
            let body = (try? JSONSerialization.jsonObject(with: raw)) as? [String: Any] ?? [:]
            box.withLockedValue { $0 = (raw, req.headers.first(name: .authorization)) }
            func json(_ object: Any) -> Response {
                var headers = HTTPHeaders()
                headers.contentType = .json
                return Response(status: .ok, headers: headers, body: .init(data: try! JSONSerialization.data(withJSONObject: object)))
            }
            func says(_ text: String) -> Response {
                json([
                    "id": "x", "object": "chat.completion", "choices": [["index": 0, "message": ["role": "assistant", "content": text]]],
                ])
            }
            switch body["model"] as? String ?? "" {
            case "ok": return says(Self.reply)
            // A model that makes up a constraint: clarifications must never reach it.
            case "invent": return says(Self.invented)
            case "server-error": return Response(status: .internalServerError, body: .init(string: "{\"error\":{\"message\":\"boom\"}}"))
            case "malformed": return Response(status: .ok, body: .init(string: "{\"choices\": [ not json"))
            case "no-choices": return json(["choices": [] as [Any]])
            case "too-long": return says(String(repeating: "why? ", count: 200))
            // The stub answers after the client's deadline: the client must stop waiting.
            case "slow":
                try await Task.sleep(for: .seconds(5))
                return says(Self.reply)
            case let leak where leak.hasPrefix("leak:"): return says("Easy: \(leak.dropFirst(5)).")
            default: return Response(status: .notFound)
            }
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "stub has no port") }
        return ChatStub(app: app, port: port, recorded: box)
    }

    var lastRequest: (body: [String: Any], auth: String?)? {
        recorded.withLockedValue { $0 }.map { ((try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] ?? [:], $0.auth) }
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
