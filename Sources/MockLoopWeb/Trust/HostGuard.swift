import MockLoopCore
import MockLoopServices
import Vapor

/// Answers only to the host names this instance is reached by. A page that makes its own name
/// resolve to 127.0.0.1 (DNS rebinding) would otherwise read and change everything through the
/// user's browser; its requests carry its own name in `Host`, which is refused here.
struct HostGuard: AsyncMiddleware {
    let allowed: Set<String>

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        // HTTP/1.0 clients may leave Host out; a browser never does, so rebinding always names one.
        if let header = request.headers.first(name: .host) {
            let host = SiteURL.hostOnly(header).lowercased()
            guard allowed.contains(host) else {
                throw MockLoopError(
                    .hostNotAllowed,
                    "This MockLoop does not answer to the host name '\(host)'. If that is how people reach it, set "
                        + "MOCKLOOP_PUBLIC_URL to its address (behind a reverse proxy) or add the name to MOCKLOOP_ALLOWED_HOSTS "
                        + "(comma-separated) and restart.")
            }
        }
        return try await next.respond(to: request)
    }
}
