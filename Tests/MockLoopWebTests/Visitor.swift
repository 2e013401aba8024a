import Foundation
import MockLoopTestSupport
import NIOCore
import Vapor
import VaporTesting

/// Someone using an instance with accounts, as a browser would: the form token's cookie, and
/// once signed in the sign-in cookie; or a program with a bearer token.
struct Visitor {
    struct Answer {
        var status: HTTPResponseStatus
        var body: String
        var headers: HTTPHeaders
        var location: String { headers.first(name: .location) ?? "" }
    }

    let app: Application
    var signIn: String?
    var bearer: String?

    static func anonymous(_ app: Application) -> Visitor { Visitor(app: app) }

    /// Signs up (the first account on an instance is its admin) and keeps the sign-in cookie.
    static func signUp(
        _ app: Application, _ email: String, name: String? = nil, password: String = "violet harbour kite 42"
    )
        async throws -> Visitor
    {
        var v = Visitor(app: app)
        let answer = try await v.form(
            "/sign-up", [("email", email), ("name", name ?? email.components(separatedBy: "@")[0]), ("password", password)])
        guard answer.status == .seeOther, v.signIn != nil else {
            throw Abort(.internalServerError, reason: "sign-up failed: \(answer.status) \(answer.body.prefix(300))")
        }
        return v
    }

    static func signIn(_ app: Application, _ email: String, password: String = "violet harbour kite 42") async throws -> Visitor {
        var v = Visitor(app: app)
        let answer = try await v.form("/sign-in", [("email", email), ("password", password)])
        guard answer.status == .seeOther, v.signIn != nil else {
            throw Abort(.internalServerError, reason: "sign-in failed: \(answer.status)")
        }
        return v
    }

    var headers: HTTPHeaders {
        var h = HTTPHeaders()
        var cookies = ["\(FormTokenCookie.name)=\(RequestBody.formToken)"]
        if let signIn { cookies.append("mockloop_signin=\(signIn)") }
        h.add(name: .cookie, value: cookies.joined(separator: "; "))
        if let bearer { h.add(name: .authorization, value: "Bearer \(bearer)") }
        return h
    }

    mutating func send(
        _ method: HTTPMethod, _ path: String, headers extra: HTTPHeaders = [:], body: ByteBuffer? = nil
    ) async throws
        -> Answer
    {
        var h = headers
        for (name, value) in extra where name.lowercased() != "cookie" { h.replaceOrAdd(name: name, value: value) }
        let res = try await app.testing().sendRequest(method, path, headers: h, body: body)
        for cookie in res.headers[.setCookie] where cookie.hasPrefix("mockloop_signin=") {
            let value = String(cookie.dropFirst("mockloop_signin=".count).prefix { $0 != ";" })
            signIn = value.isEmpty ? nil : value
        }
        return Answer(status: res.status, body: res.body.string, headers: res.headers)
    }

    mutating func get(_ path: String) async throws -> Answer { try await send(.GET, path) }

    /// A page's form post, with the form token.
    mutating func form(_ path: String, _ fields: [(String, String)]) async throws -> Answer {
        let (h, b) = RequestBody.form(fields)
        return try await send(.POST, path, headers: h, body: b)
    }

    mutating func json(_ method: HTTPMethod, _ path: String, _ fields: [String: Any] = [:]) async throws -> Answer {
        let (h, b) = RequestBody.json(fields)
        return try await send(method, path, headers: h, body: b)
    }
}

enum FormTokenCookie { static let name = "mockloop_form" }

extension Visitor.Answer {
    func json() -> [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    func jsonArray() -> [[String: Any]] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [[String: Any]] ?? [] }
}
