import MockLoopCore
import MockLoopServices
import Vapor

/// Refuses state-changing requests that another site's page made the user's browser send: a
/// form post, a `fetch` without a preflight, a WebSocket (an upgrade is a GET, so it is checked
/// too). Browsers say where a request comes from in `Sec-Fetch-Site` and `Origin`; a request
/// with neither comes from a program (curl, the CLI), not from another site's page.
struct CrossSiteGuard: AsyncMiddleware {
    /// The public URL's origin ("https://mocks.example.org"), also accepted behind a proxy that
    /// rewrites Host.
    let publicOrigin: String?

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if Self.changesState(request) {
            if let site = request.headers.first(name: "Sec-Fetch-Site")?.lowercased(), site != "same-origin", site != "none" {
                throw Self.refusal
            }
            if let origin = request.headers.first(name: .origin) {
                guard sameOrigin(origin, request) else { throw Self.refusal }
            }
        }
        return try await next.respond(to: request)
    }

    static func changesState(_ request: Request) -> Bool {
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) { return true }
        return request.headers.first(name: .upgrade)?.lowercased() == "websocket"
    }

    static let refusal = MockLoopError(
        .forbidden, "This request came from another site, so it was not carried out. Open MockLoop itself and try again there.")

    /// `Origin` must name this server as the browser reached it (scheme, host and port of Host).
    func sameOrigin(_ origin: String, _ request: Request) -> Bool {
        let origin = origin.lowercased()
        if let publicOrigin, origin == publicOrigin { return true }
        guard let host = request.headers.first(name: .host)?.lowercased() else { return false }
        return origin == "http://" + host || origin == "https://" + host
    }

    static func origin(of url: URL?) -> String? {
        guard let url, let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return nil }
        return scheme + "://" + (host.contains(":") ? "[\(host)]" : host) + (url.port.map { ":\($0)" } ?? "")
    }
}
