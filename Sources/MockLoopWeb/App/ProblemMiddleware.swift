import Foundation
import MockLoopCore
import MockLoopServices
import Vapor

/// Turns every error into a clear answer: a JSON problem under /api
/// (`{"error", "message", "fields"}`), an HTML page elsewhere. Bad input is a 4xx naming
/// the field; only the unexpected is a 500, and its details stay in the log.
struct ProblemMiddleware: AsyncMiddleware {
    struct Problem: Content {
        var error: String
        var message: String
        var fields: [String: String]
    }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, problem) = Self.describe(error, request: request)
            var headers = HTTPHeaders()
            if let seconds = (error as? MockLoopError)?.retryAfter { headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
            if status == .unauthorized { headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"mockloop\"") }
            if request.url.path.hasPrefix("/api") || request.url.path == "/openapi.json" {
                let response = Response(status: status, headers: headers)
                try response.content.encode(problem, as: .json)
                return response
            }
            let page = ErrorPage(status: status, problem: problem, path: request.url.path)
            do {
                let response = try await request.view.render("error", page).encodeResponse(status: status, for: request)
                response.headers.add(contentsOf: headers)
                return response
            } catch {
                // The error page itself failed: answer in plain HTML rather than drop the connection.
                request.logger.error("error page failed to render: \(String(reflecting: error))")
                var headers = HTTPHeaders()
                headers.contentType = .html
                let body =
                    "<!doctype html><title>\(status.code)</title><h1>\(status.reasonPhrase)</h1><p>\(problem.message.htmlEscaped())</p>"
                return Response(status: status, headers: headers, body: .init(string: body))
            }
        }
    }

    static func describe(_ error: Error, request: Request) -> (HTTPResponseStatus, Problem) {
        switch error {
        case let e as MockLoopError:
            let status: HTTPResponseStatus =
                switch e.kind {
                case .invalid: .unprocessableEntity
                case .notFound: .notFound
                case .conflict: .conflict
                case .unavailable, .sandboxUnavailable: .serviceUnavailable
                case .forbidden: .forbidden
                case .hostNotAllowed: .misdirectedRequest
                case .unsupportedMediaType: .unsupportedMediaType
                case .tooLarge: .payloadTooLarge
                case .unauthorized: .unauthorized
                case .throttled: .tooManyRequests
                }
            return (status, Problem(error: e.kind.rawValue, message: e.message, fields: e.fields))
        case let e as ContentError:
            return (
                .unprocessableEntity,
                Problem(error: "invalid_input", message: e.errorDescription ?? "\(e)", fields: [e.field ?? "file": e.problem])
            )
        case let e as DecodingError:
            let found = DecodingProblem(e)
            let field = found.field ?? "body"
            let problem = found.field == nil && found.problem.hasPrefix("is not valid") ? "is not valid JSON" : found.problem
            return (.unprocessableEntity, Problem(error: "invalid_input", message: "\(field): \(problem)", fields: [field: problem]))
        case let e as AbortError where e.status.code >= 500:
            request.logger.error("server error: \(String(reflecting: e))")
            return (e.status, Problem(error: "server_error", message: "Something went wrong on our side.", fields: [:]))
        case let e as AbortError:
            let code =
                switch e.status {
                case .notFound: "not_found"
                case .unprocessableEntity: "invalid_input"
                case .payloadTooLarge: "too_large"
                case .unsupportedMediaType: "unsupported_media_type"
                case .conflict: "conflict"
                default: "bad_request"
                }
            return (e.status, Problem(error: code, message: e.reason, fields: [:]))
        default:
            request.logger.error("unexpected error: \(String(reflecting: error))")
            return (.internalServerError, Problem(error: "server_error", message: "Something went wrong on our side.", fields: [:]))
        }
    }
}
