import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// The signed-in user's own account: password, devices and access tokens, as settings-page
/// forms and as the API. Everything here is the acting user's only: another user's device or
/// token id is a 404.
struct AccountSettingsController {
    let services: AppServices

    /// Token lifetimes offered, in days.
    static let tokenDays = [7, 30, 90, 365]

    struct AccountBody: Content {
        var id: UUID
        var email: String
        var name: String
        var isAdmin: Bool
    }

    struct DeviceBody: Content {
        var id: UUID
        var device: String
        var createdAt: Date
        var lastSeenAt: Date
        var expiresAt: Date
        var current: Bool
    }

    struct TokenBody: Content {
        var id: UUID
        var name: String
        var scope: String
        var createdAt: Date
        var expiresAt: Date
        var lastUsedAt: Date?
        /// Only in the answer that made it.
        var token: String?
    }

    struct NewToken: Content {
        var name: String?
        var scope: String?
        var days: Int?
    }

    func who(_ req: Request) throws -> SignedIn {
        guard let who = req.signedIn else { throw MockLoopError(.unauthorized, "Sign in first.") }
        return who
    }

    // MARK: API

    func account(req: Request) throws -> AccountBody {
        let who = try who(req)
        return AccountBody(id: who.userID, email: who.email, name: who.name, isAdmin: who.isAdmin)
    }

    func devices(req: Request) async throws -> [DeviceBody] {
        let who = try who(req)
        return try await SignInRepository(db: req.db).list(userID: who.userID).map {
            DeviceBody(
                id: $0.id!, device: $0.device, createdAt: $0.createdAt, lastSeenAt: $0.lastSeenAt, expiresAt: $0.expiresAt,
                current: $0.id == who.signIn)
        }
    }

    func revokeDevice(req: Request) async throws -> HTTPStatus {
        try await SignInRepository(db: req.db).revoke(try Self.id(req, "device"), userID: try who(req).userID)
        return .noContent
    }

    func tokens(req: Request) async throws -> [TokenBody] {
        try await AccessTokenRepository(db: req.db, userID: try who(req).userID).list().map { Self.body($0, token: nil) }
    }

    func createToken(req: Request) async throws -> Response {
        let made = try await makeToken(req, try req.content.decode(NewToken.self))
        return try await Self.body(made.model, token: made.token).encodeResponse(status: .created, for: req)
    }

    func revokeToken(req: Request) async throws -> HTTPStatus {
        try await AccessTokenRepository(db: req.db, userID: try who(req).userID).revoke(try Self.id(req, "token"))
        return .noContent
    }

    // MARK: Pages

    func changePasswordPage(req: Request) async throws -> Response {
        let who = try who(req)
        let form = try req.content.decode([String: String].self)
        do {
            try await services.accounts(db: req.db).changePassword(
                userID: who.userID, current: form["current"], new: form["password"], keeping: who.signIn)
            return req.redirect("/settings?password=1#account")
        } catch let e as MockLoopError where e.kind == .invalid {
            var account = try await AccountSection.load(req, who)
            account.errors = e.fields
            return try await SettingsController.render(req, account: account, status: .unprocessableEntity)
        }
    }

    /// Sends the link that verifies the account's address again (a new link ends the old one).
    func verifyEmailPage(req: Request) async throws -> Response {
        let who = try who(req)
        guard let user = try await UserModel.find(who.userID, on: req.db) else { throw MockLoopError.notFound("account") }
        let services = services
        let base = PublicLink.url(req, services, "")
        let sent = try await req.db.transaction { db in
            try await services.verifyEmail(user, db: db, base: base, now: services.config.clock.now())
        }
        return req.redirect("/settings?verify=\(sent ? "sent" : "none")#account")
    }

    /// A verification link opened: the address is the account's.
    func verifiedPage(req: Request) async throws -> View {
        let token = try req.parameters.require("token")
        guard let user = try await EmailVerificationRepository(db: req.db).redeem(token, now: services.config.clock.now()) else {
            throw MockLoopError.notFound("link")
        }
        return try await req.view.render("email-verified", VerifiedPage(email: user.email ?? ""))
    }

    func revokeDevicePage(req: Request) async throws -> Response {
        let who = try who(req)
        let id = try Self.id(req, "device")
        try await SignInRepository(db: req.db).revoke(id, userID: who.userID)
        return req.redirect(id == who.signIn ? "/sign-in" : "/settings#devices")
    }

    func createTokenPage(req: Request) async throws -> Response {
        let who = try who(req)
        let form = try req.content.decode([String: String].self)
        do {
            let made = try await makeToken(
                req, NewToken(name: form["name"], scope: form["scope"], days: form["days"].flatMap { Int($0) } ?? 0))
            var account = try await AccountSection.load(req, who)
            account.newToken = made.token
            return try await SettingsController.render(req, account: account, status: .created)
        } catch let e as MockLoopError where e.kind == .invalid {
            var account = try await AccountSection.load(req, who)
            account.errors = e.fields
            account.tokenName = form["name"] ?? ""
            return try await SettingsController.render(req, account: account, status: .unprocessableEntity)
        }
    }

    func revokeTokenPage(req: Request) async throws -> Response {
        try await AccessTokenRepository(db: req.db, userID: try who(req).userID).revoke(try Self.id(req, "token"))
        return req.redirect("/settings#tokens")
    }

    /// Deletes the account and everything of it, once its email is typed to confirm.
    func deleteAccountPage(req: Request) async throws -> Response {
        let who = try who(req)
        let form = try req.content.decode([String: String].self)
        do {
            guard EmailAddress.normalize(form["confirm"]) == who.email else {
                throw MockLoopError.invalid("confirm", "type your email, \(who.email), to confirm")
            }
            try await AccountRepository(db: req.db).delete(who.userID)
            let response = req.redirect("/sign-in?deleted=1")
            SignInCookie(secure: services.config.publicURL?.scheme == "https").clear(on: response)
            return response
        } catch let e as MockLoopError where e.kind == .invalid || e.kind == .conflict {
            var account = try await AccountSection.load(req, who)
            account.errors = e.fields.isEmpty ? ["confirm": e.message] : e.fields
            return try await SettingsController.render(
                req, account: account, status: e.kind == .invalid ? .unprocessableEntity : .conflict)
        }
    }

    // MARK: Shared

    func makeToken(_ req: Request, _ body: NewToken) async throws -> (token: String, model: AccessTokenModel) {
        var problems = FieldProblems()
        let name = (body.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.add("name", "is required (say where the token is used, e.g. \"laptop CLI\")") }
        if name.count > 80 { problems.add("name", "must be at most 80 characters") }
        let scope = AccessTokenRepository.Scope(rawValue: body.scope ?? "read")
        if scope == nil { problems.add("scope", "must be read or read-write") }
        let days = body.days ?? 30
        if !Self.tokenDays.contains(days) {
            problems.add("days", "must be one of \(Self.tokenDays.map(String.init).joined(separator: ", ")) days")
        }
        try problems.check()
        return try await AccessTokenRepository(db: req.db, userID: try who(req).userID).create(
            name: name, scope: scope!, expiresAt: Date().addingTimeInterval(Double(days) * 86400))
    }

    static func body(_ m: AccessTokenModel, token: String?) -> TokenBody {
        TokenBody(
            id: m.id!, name: m.name, scope: m.scope, createdAt: m.createdAt, expiresAt: m.expiresAt, lastUsedAt: m.lastUsedAt,
            token: token)
    }

    static func id(_ req: Request, _ what: String) throws -> UUID {
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw) else { throw MockLoopError.notFound(what) }
        return id
    }
}

struct VerifiedPage: Encodable {
    var title = "E-mail address confirmed"
    var email: String
}
