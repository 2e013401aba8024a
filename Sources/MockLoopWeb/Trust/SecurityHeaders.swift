import Vapor

/// The headers every response carries: a Content-Security-Policy with no inline script, no
/// framing, no sniffing, no referrer to other sites, and a Permissions-Policy that denies
/// powerful features except where a page needs them. A page that needs more (the practice
/// page's microphone for speech; a live room's camera, `blob:` media, WebSockets) gets a line
/// in `grants`, not a new policy.
struct SecurityHeaders: AsyncMiddleware {
    /// What a group of pages may use beyond the default, by path prefix.
    struct Grant: Sendable {
        var prefix: String
        var features: [String]
        var mediaBlob = false
    }

    static let grants: [Grant] = [
        Grant(prefix: "/practice/", features: ["microphone"]),
        Grant(prefix: "/rooms/", features: ["camera", "microphone"], mediaBlob: true),
    ]

    static let deniedFeatures = ["camera", "microphone", "geolocation", "payment", "usb", "serial", "bluetooth", "display-capture"]

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let grant = Self.grants.first { request.url.path.hasPrefix($0.prefix) }
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy(grant))
        response.headers.replaceOrAdd(name: "Permissions-Policy", value: Self.permissionsPolicy(grant))
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
        return response
    }

    static func contentSecurityPolicy(_ grant: Grant?) -> String {
        [
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            // 'self' covers same-origin fetches; WebSockets to ourselves are named by the page's scheme in CSP 3.
            "connect-src 'self'",
            "media-src 'self'" + (grant?.mediaBlob == true ? " blob:" : ""),
            "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    static func permissionsPolicy(_ grant: Grant?) -> String {
        deniedFeatures.map { feature in
            grant?.features.contains(feature) == true ? "\(feature)=(self)" : "\(feature)=()"
        }.joined(separator: ", ")
    }
}
