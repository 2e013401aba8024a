import Vapor

/// Who may use a route on an instance with accounts. Every route has one: `signedIn` unless
/// declared otherwise where the route is made, so a new route is closed until someone opens it.
/// The authorization matrix test reads these from the route table.
enum RouteAccess: String, CaseIterable, Sendable {
    /// Anyone: sign-in and sign-up, one-time password links, health, the API description.
    case open
    /// A signed-in user (cookie) or a personal access token (API only).
    case signedIn
    /// A signed-in admin; anyone else gets a 404, as if the route did not exist.
    case admin
    /// Opened by a token in the path (share links): no sign-in; a wrong or expired token is a 404.
    case token

    static let key = "mockloop.access"
}

extension Route {
    /// Declares who may use this route.
    @discardableResult
    func access(_ access: RouteAccess) -> Route {
        userInfo[RouteAccess.key] = access
        return self
    }

    var access: RouteAccess { userInfo[RouteAccess.key] as? RouteAccess ?? .signedIn }
}
