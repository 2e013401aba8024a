import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// On an instance with accounts, decides who a request acts for — the device's sign-in cookie,
/// or on the API a personal access token — and lets through only what the route's access
/// allows: anonymous API calls get 401, anonymous pages a redirect to sign-in, non-admins a
/// 404 on admin routes. Every repository a controller opens is scoped to the acting user.
struct AccountGate: AsyncMiddleware {
    let config: AccountsConfig
    let cookie: SignInCookie

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        // No route: a static file, or a 404 that names nothing of anyone's.
        guard let route = request.route else { return try await next.respond(to: request) }
        var staleCookie = false
        // A token opens the API only; elsewhere (pages, the API description) it is not looked at.
        if let bearer = request.headers.bearerAuthorization, request.url.path.hasPrefix("/api/") {
            try await admitToken(bearer.token, request)
        } else if let token = request.cookies[SignInCookie.name]?.string, !token.isEmpty {
            if let (user, signIn) = try await SignInRepository(db: request.db).resolve(token: token, lifetime: config.lifetime) {
                admit(SignedIn(user, signIn: signIn.id), request)
            } else {
                staleCookie = true
            }
        }
        switch route.access {
        case .open, .token: break
        case .signedIn:
            if request.signedIn == nil { return try refuse(request, staleCookie: staleCookie) }
        case .admin:
            guard let who = request.signedIn else { return try refuse(request, staleCookie: staleCookie) }
            if !who.isAdmin { throw MockLoopError.notFound("page") }
        }
        let response = try await next.respond(to: request)
        if staleCookie { cookie.clear(on: response) }
        return response
    }

    func admit(_ who: SignedIn, _ request: Request) {
        request.storage[SignedInKey.self] = who
        request.storage[ActingUserKey.self] = who.userID
    }

    /// A read token only reads.
    func admitToken(_ token: String, _ request: Request) async throws {
        guard let (user, scope) = try await AccessTokenRepository.resolve(token, db: request.db) else {
            throw MockLoopError(.unauthorized, "This access token is unknown, expired or revoked. Make a new one on the settings page.")
        }
        if scope == .read, ![.GET, .HEAD].contains(request.method) {
            throw MockLoopError(.forbidden, "This access token can only read. Make a read-write token on the settings page to change data.")
        }
        admit(SignedIn(user, signIn: nil), request)
    }

    /// Anonymous: the API says 401; a page sends the browser to sign in and back.
    func refuse(_ request: Request, staleCookie: Bool) throws -> Response {
        if request.url.path.hasPrefix("/api/") {
            throw MockLoopError(.unauthorized, "Sign in, or send a personal access token as `Authorization: Bearer …`.")
        }
        let back = request.method == .GET ? request.url.string : (request.headers.first(name: .referer).flatMap(Self.localPath) ?? "/")
        let response = request.redirect(to: SignInPaths.signIn(next: back), redirectType: .normal)
        if staleCookie { cookie.clear(on: response) }
        return response
    }

    /// The path and query of a same-site URL, or nil.
    static func localPath(_ url: String) -> String? {
        guard let parsed = URLComponents(string: url) else { return nil }
        let path = parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath
        return SignInPaths.safeNext(path + (parsed.percentEncodedQuery.map { "?" + $0 } ?? ""))
    }
}

/// Where sign-in sends people, and which "next" addresses it follows.
enum SignInPaths {
    static func signIn(next: String) -> String {
        guard let next = safeNext(next), next != "/" else { return "/sign-in" }
        return "/sign-in?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    /// Only a path on this site ("/log?page=2"); never "//evil.example" or "https://…".
    static func safeNext(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.hasPrefix("/\\"), raw.count <= 2000,
            !raw.contains(where: { $0.isNewline || $0 == "\\" })
        else { return nil }
        return raw
    }
}
