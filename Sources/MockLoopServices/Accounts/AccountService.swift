import Fluent
import Foundation
import MockLoopCore
import MockLoopStore

/// Signing up, in and out, and passwords: the rules the web pages, the API and the CLI share.
public struct AccountService {
    /// The words every failed sign-in gets, whatever failed: no one learns which emails have accounts.
    public static let signInRefusal = "That email and password do not match an account here."

    let db: Database
    public let config: AccountsConfig
    let hasher: PasswordHasher
    let policy: PasswordPolicy

    public init(db: Database, config: AccountsConfig, hasher: PasswordHasher, policy: PasswordPolicy = .shipped) {
        self.db = db
        self.config = config
        self.hasher = hasher
        self.policy = policy
    }

    var accounts: AccountRepository { AccountRepository(db: db) }

    /// A new account from the sign-up form. The first account of an instance is its admin and
    /// keeps what the local owner made before; after that the sign-up policy decides.
    public func signUp(
        email rawEmail: String?, name rawName: String?, password: String?, invite: String? = nil
    ) async throws
        -> UserModel
    {
        let email = EmailAddress.normalize(rawEmail)
        let name = (rawName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        if let p = EmailAddress.problem(with: email) { problems.add("email", p) }
        if name.isEmpty {
            problems.add("name", "is required")
        } else if name.count > 80 {
            problems.add("name", "must be at most 80 characters")
        }
        if let p = policy.problem(with: password ?? "", email: email, name: name) { problems.add("password", p) }
        try problems.check()
        let first = try await accounts.isEmpty()
        let code = invite.nonEmpty
        switch config.signUp {
        case _ where first, .open: break
        case .closed: throw MockLoopError(.forbidden, "Sign-up is closed on this instance: ask an admin for an account.")
        case .invite where code == nil:
            throw MockLoopError.invalid("invite", "is required: sign-up here needs an invite code from an admin")
        case .invite: break
        }
        if try await accounts.find(email: email) != nil {
            throw MockLoopError(.conflict, "An account with this email already exists.", fields: ["email": "already has an account"])
        }
        let hash = try await hasher.hash(password ?? "")
        return try await db.transaction { db in
            // The invite's use and the account are one change: a refused account keeps the use.
            if !first, config.signUp == .invite, let code, !(try await InviteRepository(db: db).redeem(code)) {
                throw MockLoopError.invalid("invite", "is unknown, expired or used up: ask an admin for a new one")
            }
            return try await AccountRepository(db: db).create(email: email, name: name, passwordHash: hash, isAdmin: first)
        }
    }

    /// Checks an email and password, within the throttle, and signs the device in.
    public func signIn(
        email rawEmail: String?, password: String?, address: String, device: String, now: Date = Date()
    ) async throws
        -> (token: String, user: UserModel)
    {
        let email = EmailAddress.normalize(rawEmail)
        let password = password ?? ""
        let throttle = SignInThrottle(db: db, limits: config.throttle)
        let keys = [SignInThrottle.accountKey(email), SignInThrottle.addressKey(address)]
        if let wait = try await throttle.retryAfter(keys, now: now) {
            throw MockLoopError(
                .throttled, "Too many failed sign-ins. Try again in \(Self.minutes(wait)), or ask an admin for a reset link.",
                retryAfter: wait)
        }
        let user = email.isEmpty ? nil : try await accounts.find(email: email)
        var matches = false
        if let user, let hash = user.passwordHash, !user.disabled {
            matches = try await hasher.verify(password, against: hash)
        } else {
            try await hasher.verifyDecoy(password)
        }
        guard matches, let user, let id = user.id else {
            try await throttle.recordFailure(keys, now: now)
            throw MockLoopError(.unauthorized, Self.signInRefusal, fields: ["password": Self.signInRefusal])
        }
        try await throttle.clear(keys[0])
        let signIn = try await SignInRepository(db: db).create(userID: id, device: device, lifetime: config.lifetime, now: now)
        return (signIn.token, user)
    }

    /// Changes a signed-in user's password after checking the current one; other devices are signed out.
    public func changePassword(userID: UUID, current: String?, new: String?, keeping signIn: UUID?) async throws {
        guard let user = try await accounts.find(id: userID), let hash = user.passwordHash else { throw MockLoopError.notFound("account") }
        var problems = FieldProblems()
        if !(try await hasher.verify(current ?? "", against: hash)) { problems.add("current", "is not your current password") }
        if let p = policy.problem(with: new ?? "", email: user.email ?? "", name: user.name) { problems.add("password", p) }
        try problems.check()
        try await accounts.setPassword(userID, hash: try await hasher.hash(new ?? ""), keeping: signIn)
    }

    /// An account made by an admin (or `mockloop users create`): returns the token of its
    /// one-time link to set a password.
    public func create(email rawEmail: String, name: String?, admin: Bool, issuedBy: UUID?) async throws -> (user: UserModel, link: String)
    {
        let email = EmailAddress.normalize(rawEmail)
        if let p = EmailAddress.problem(with: email) { throw MockLoopError.invalid("email", p) }
        let display = name.nonEmpty ?? String(email.split(separator: "@").first ?? "")
        let user = try await accounts.create(email: email, name: display, passwordHash: nil, isAdmin: admin)
        let link = try await PasswordLinkRepository(db: db).issue(userID: user.id!, purpose: .set, issuedBy: issuedBy)
        return (user, link)
    }

    /// A reset link for an account an admin chose; the audit log records it and the user is told.
    public func issueReset(userID: UUID, by admin: UUID) async throws -> (user: UserModel, link: String) {
        guard let user = try await accounts.find(id: userID), user.email != nil else { throw MockLoopError.notFound("account") }
        let link = try await PasswordLinkRepository(db: db).issue(userID: userID, purpose: .reset, issuedBy: admin)
        try await AdminRepository(db: db, actor: admin).record("reset link", user)
        return (user, link)
    }

    /// A reset link for an account (from an admin, who is told when the email has no account).
    public func issueReset(email rawEmail: String, issuedBy: UUID?) async throws -> (user: UserModel, link: String) {
        let email = EmailAddress.normalize(rawEmail)
        guard let user = try await accounts.find(email: email), let id = user.id else {
            throw MockLoopError(.notFound, "No account has the email \(email).", fields: ["email": "has no account"])
        }
        return (user, try await PasswordLinkRepository(db: db).issue(userID: id, purpose: .reset, issuedBy: issuedBy))
    }

    /// Sets the password a one-time link is for; every device of the account is signed out.
    public func setPassword(link token: String, password: String?) async throws -> UserModel {
        let links = PasswordLinkRepository(db: db)
        guard let link = try await links.find(token), let user = try await accounts.find(id: link.userID) else {
            throw Self.deadLink
        }
        if let p = policy.problem(with: password ?? "", email: user.email ?? "", name: user.name) {
            throw MockLoopError.invalid("password", p)
        }
        let hash = try await hasher.hash(password ?? "")
        guard try await links.redeem(link) else { throw Self.deadLink }
        try await accounts.setPassword(link.userID, hash: hash)
        return user
    }

    public static let deadLink = MockLoopError(
        .notFound, "This link was used already or has expired. Ask an admin for a new one.")

    static func minutes(_ seconds: Int) -> String {
        let m = max(1, (seconds + 59) / 60)
        return m == 1 ? "1 minute" : "\(m) minutes"
    }
}
