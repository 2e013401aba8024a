import Foundation
import MockLoopStore
import Vapor

/// Who is signed in on a request, and how: a device's cookie (`signIn`) or an access token.
struct SignedIn: Sendable {
    var userID: UUID
    var name: String
    var email: String
    var isAdmin: Bool
    /// The device's sign-in when the cookie was used; nil for an access token.
    var signIn: UUID?

    init(_ user: UserModel, signIn: UUID?) {
        userID = user.id!
        name = user.name
        email = user.email ?? ""
        isAdmin = user.isAdmin
        self.signIn = signIn
    }
}

struct SignedInKey: StorageKey { typealias Value = SignedIn }

extension Request {
    /// The signed-in user, or nil (solo use, or an open route reached anonymously).
    var signedIn: SignedIn? { storage[SignedInKey.self] }
}

/// The sign-in cookie: `HttpOnly` (scripts never read it), `SameSite=Lax` (a link from another
/// site keeps you signed in, a form from it does not), `Secure` when the public URL is https.
struct SignInCookie {
    static let name = "mockloop_signin"

    let secure: Bool

    func set(_ token: String, on response: Response, maxAge: TimeInterval) {
        response.cookies[Self.name] = HTTPCookies.Value(
            string: token, maxAge: Int(maxAge), path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    func clear(on response: Response) {
        response.cookies[Self.name] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}
