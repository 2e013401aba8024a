import Foundation
import MockLoopCore
import MockLoopServices
import Vapor

/// The JSON API takes a body only in the media types /openapi.json documents for that
/// operation (`application/json`; `text/csv` for the log import; `application/yaml` for
/// questions), answering 415 otherwise. A page on another site can post `text/plain` or a form
/// without a CORS preflight; it cannot send these types without one, which is never granted.
struct MediaTypeGuard: AsyncMiddleware {
    struct Operation: Sendable {
        var method: String
        var pattern: [String]
        /// Lower-case "type/subtype"s; nil when the operation documents no body.
        var mediaTypes: [String]?
    }

    let operations: [Operation]

    /// Reads the documented operations from the OpenAPI document.
    static func operations(openAPI data: Data) throws -> [Operation] {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let paths = root["paths"] as? [String: [String: Any]]
        else { throw MockLoopError(.unavailable, "the OpenAPI document has no paths") }
        var operations: [Operation] = []
        for (path, ops) in paths {
            for (method, op) in ops {
                guard let op = op as? [String: Any] else { continue }
                let body = (op["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                operations.append(
                    Operation(
                        method: method.uppercased(), pattern: path.split(separator: "/").map(String.init),
                        mediaTypes: body.map { $0.keys.map { $0.lowercased() }.sorted() }))
            }
        }
        // Literal segments win over parameters: /practice/{id}/answers before /practice/{id}/{action}.
        return operations.sorted { $0.pattern.filter { $0.hasPrefix("{") }.count < $1.pattern.filter { $0.hasPrefix("{") }.count }
    }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if request.url.path.hasPrefix("/api/"), ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            try check(request)
        }
        return try await next.respond(to: request)
    }

    func check(_ request: Request) throws {
        let segments = request.url.path.split(separator: "/").map(String.init)
        guard
            let op = operations.first(where: { op in
                op.method == request.method.rawValue && op.pattern.count == segments.count
                    && zip(op.pattern, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            })
        else { return }  // not an API operation: the router answers 404
        let sent = request.headers.contentType.map { "\($0.type)/\($0.subType)".lowercased() }
        guard let documented = op.mediaTypes else {
            // No body documented: one sent anyway must not pretend to be something else.
            if let sent, (request.body.data?.readableBytes ?? 1) > 0, sent != "application/json" {
                throw MockLoopError(.unsupportedMediaType, "\(request.url.path) takes no body (got \(sent))")
            }
            return
        }
        guard let sent, documented.contains(sent) else {
            throw MockLoopError(
                .unsupportedMediaType,
                "Content-Type must be \(documented.joined(separator: " or ")) for \(request.method.rawValue) \(request.url.path)"
                    + (sent.map { " (got \($0))" } ?? " (none was sent)"))
        }
    }
}
