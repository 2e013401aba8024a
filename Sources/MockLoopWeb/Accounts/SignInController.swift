import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Sign up, sign in, sign out (this device or everywhere), and the one-time password links.
/// Forms that fail come back with what was typed (never the password) and the problem beside
/// its field; a failed sign-in says the same words whether or not the email has an account.
struct SignInController {
    let services: AppServices
    let cookie: SignInCookie

    struct Page: Encodable {
        var title: String
        var email = ""
        var name = ""
        var next = "/"
        var errors: [String: String] = [:]
        var message: String?
        var signUp: String
        var first = false
        var token = ""
        /// An invite code from the sign-up link (`/sign-up?invite=…`) or as typed.
        var invite = ""
    }

    func page(_ req: Request, _ title: String) async throws -> Page {
        let config = try accounts(req)
        return Page(
            title: title, next: SignInPaths.safeNext(req.query[String.self, at: "next"]) ?? "/", signUp: config.config.signUp.rawValue,
            first: try await AccountRepository(db: req.db).isEmpty())
    }

    func accounts(_ req: Request) throws -> AccountService { try services.accounts(db: req.db) }

    // MARK: Sign in

    func signInPage(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(SignInPaths.safeNext(req.query[String.self, at: "next"]) ?? "/") }
        var view = try await page(req, "Sign in")
        if req.queryBool("deleted") { view.message = "Your account and everything in it were deleted." }
        if req.queryBool("set") {
            view.message = "Your password is saved: sign in with it."
            view.email = req.query[String.self, at: "email"] ?? ""
        }
        return try await req.view.render("sign-in", view).encodeResponse(for: req)
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        var view = try await page(req, "Sign in")
        view.email = form["email"] ?? ""
        view.next = SignInPaths.safeNext(form["next"]) ?? "/"
        do {
            let (token, _) = try await accounts(req).signIn(
                email: form["email"], password: form["password"], address: Self.address(req), device: Self.device(req))
            let response = req.redirect(view.next)
            cookie.set(token, on: response, maxAge: try accounts(req).config.lifetime.absolute)
            return response
        } catch let e as MockLoopError where e.kind == .unauthorized || e.kind == .throttled {
            view.errors = ["password": e.message]
            let response = try await req.view.render("sign-in", view).encodeResponse(
                status: e.kind == .throttled ? .tooManyRequests : .unauthorized, for: req)
            if let wait = e.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(wait)) }
            return response
        }
    }

    // MARK: Sign up

    func signUpPage(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect("/") }
        var view = try await page(req, "Create your account")
        view.invite = req.query[String.self, at: "invite"] ?? ""
        return try await req.view.render("sign-up", view).encodeResponse(for: req)
    }

    func signUp(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let service = try accounts(req)
        do {
            let user = try await service.signUp(
                email: form["email"], name: form["name"], password: form["password"], invite: form["invite"])
            try await sendVerification(req, user)
            let (token, _) = try await service.signIn(
                email: form["email"], password: form["password"], address: Self.address(req), device: Self.device(req))
            let response = req.redirect("/")
            cookie.set(token, on: response, maxAge: service.config.lifetime.absolute)
            return response
        } catch let e as MockLoopError where [.invalid, .conflict, .forbidden].contains(e.kind) {
            var view = try await page(req, "Create your account")
            view.email = form["email"] ?? ""
            view.name = form["name"] ?? ""
            view.invite = form["invite"] ?? ""
            view.errors = e.fields
            view.message = e.fields.isEmpty ? e.message : nil
            let status: HTTPResponseStatus = e.kind == .invalid ? .unprocessableEntity : e.kind == .conflict ? .conflict : .forbidden
            return try await req.view.render("sign-up", view).encodeResponse(status: status, for: req)
        }
    }

    /// With mail, a new account is sent the link that verifies its address.
    func sendVerification(_ req: Request, _ user: UserModel) async throws {
        let services = services
        let base = PublicLink.url(req, services, "")
        try await req.db.transaction { db in
            try await services.verifyEmail(user, db: db, base: base, now: services.config.clock.now())
        }
    }

    // MARK: Sign out

    func signOut(req: Request) async throws -> Response {
        if let who = req.signedIn, let id = who.signIn { try? await SignInRepository(db: req.db).revoke(id, userID: who.userID) }
        let response = req.redirect("/sign-in")
        cookie.clear(on: response)
        return response
    }

    func signOutEverywhere(req: Request) async throws -> Response {
        let who = try signedIn(req)
        try await SignInRepository(db: req.db).revokeAll(userID: who.userID)
        let response = req.redirect("/sign-in")
        cookie.clear(on: response)
        return response
    }

    // MARK: One-time password links

    func passwordPage(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard let link = try await PasswordLinkRepository(db: req.db).find(token),
            let user = try await AccountRepository(db: req.db).find(id: link.userID)
        else { throw AccountService.deadLink }
        var view = try await page(req, link.purpose == "set" ? "Choose your password" : "Choose a new password")
        view.email = user.email ?? ""
        view.token = token
        return try await req.view.render("password-link", view).encodeResponse(for: req)
    }

    func setPassword(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let form = try req.content.decode([String: String].self)
        do {
            let user = try await accounts(req).setPassword(link: token, password: form["password"])
            return req.redirect("/sign-in?set=1&email=" + (user.email?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        } catch let e as MockLoopError where e.kind == .invalid {
            var view = try await page(req, "Choose your password")
            view.token = token
            view.errors = e.fields
            return try await req.view.render("password-link", view).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    // MARK: Helpers

    func signedIn(_ req: Request) throws -> SignedIn {
        guard let who = req.signedIn else { throw MockLoopError(.unauthorized, "Sign in first.") }
        return who
    }

    /// The client's address, for the per-address throttle.
    static func address(_ req: Request) -> String { req.remoteAddress?.ipAddress ?? "unknown" }

    /// "Firefox on Linux", from the User-Agent, for the devices list.
    static func device(_ req: Request) -> String {
        DeviceName.from(userAgent: req.headers.first(name: .userAgent) ?? "")
    }
}
