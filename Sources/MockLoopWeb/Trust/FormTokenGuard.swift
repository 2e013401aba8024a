import Leaf
import MockLoopCore
import MockLoopServices
import Vapor

/// Gives every browser a form token (a cookie, and `#formToken()` in the page's forms) and
/// refuses a page's POST whose form does not carry the cookie's token. Page POST routes are
/// declared with `form(…)` in routes.swift, which also bounds their bodies; a page POST that is
/// not declared is refused, so no form escapes the check. The JSON API is not a form target:
/// it takes only its documented media types, which a page on another site cannot send without
/// a preflight this server never grants.
struct FormTokenGuard: AsyncMiddleware {
    static let bodyLimitKey = "mockloop.form.bodyLimit"

    let tokens: FormToken
    /// `Secure` on the cookie when users reach the app over https.
    let secureCookie: Bool

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let sent = request.cookies[FormToken.cookie]?.string
        let current = sent.flatMap { tokens.isValid($0) ? $0 : nil }
        let token = current ?? tokens.mint()
        request.storage[FormTokenKey.self] = token
        if request.method == .POST, !request.url.path.hasPrefix("/api/") {
            try await check(request, cookie: current)
        }
        let response = try await next.respond(to: request)
        if current == nil, response.headers.contentType?.description.hasPrefix("text/html") == true {
            response.cookies[FormToken.cookie] = HTTPCookies.Value(
                string: token, isSecure: secureCookie, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    func check(_ request: Request, cookie: String?) async throws {
        guard let limit = request.route?.userInfo[Self.bodyLimitKey] as? Int else {
            throw MockLoopError(.forbidden, "This address takes no form posts.")
        }
        if request.body.data == nil { _ = try await request.body.collect(max: limit).get() }
        let field = try? request.content.get(String.self, at: FormToken.field)
        guard let cookie, let field, field == cookie else {
            throw MockLoopError(
                .forbidden,
                "This form has expired or was sent from another site, so nothing was saved. Go back, reload the page and send it again.")
        }
    }
}

struct FormTokenKey: StorageKey { typealias Value = String }

/// `#formToken()`: the hidden field with this browser's form token, for every form that posts.
struct FormTokenTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let token = ctx.request?.storage[FormTokenKey.self] else {
            throw MockLoopError(.unavailable, "a form was rendered outside a request")
        }
        // The token is base64url and a dot: nothing in it needs escaping.
        return .string("<input type=\"hidden\" name=\"\(FormToken.field)\" value=\"\(token)\">")
    }
}
