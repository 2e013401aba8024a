import Fluent
import Foundation
import MockLoopStore
import Vapor

/// The account part of the settings page: the password, the signed-in devices (each can be
/// signed out) and the personal access tokens (a new one is shown once, here).
struct AccountSection: Encodable {
    struct Device: Encodable {
        var id: String
        var name: String
        var lastSeen: String
        var since: String
        var current: Bool
    }

    struct Token: Encodable {
        var id: String
        var name: String
        var scope: String
        var expires: String
        var lastUsed: String
    }

    var name: String
    var email: String
    var isAdmin: Bool
    var devices: [Device]
    var tokens: [Token]
    /// A token just made: its only showing.
    var newToken: String?
    var errors: [String: String] = [:]
    var tokenName = ""
    var notice: String?
    /// Mail is on here: the address can be verified (and is, or is not yet).
    var mailOn = false
    var emailVerified = false

    static func load(_ req: Request, _ who: SignedIn) async throws -> AccountSection {
        let devices = try await SignInRepository(db: req.db).list(userID: who.userID)
        let tokens = try await AccessTokenRepository(db: req.db, userID: who.userID).list()
        var section = AccountSection(
            name: who.name, email: who.email, isAdmin: who.isAdmin,
            devices: devices.map {
                Device(
                    id: $0.id!.uuidString, name: $0.device, lastSeen: Self.when($0.lastSeenAt), since: Self.when($0.createdAt),
                    current: $0.id == who.signIn)
            },
            tokens: tokens.map {
                Token(
                    id: $0.id!.uuidString, name: $0.name, scope: $0.scope, expires: Self.when($0.expiresAt),
                    lastUsed: $0.lastUsedAt.map(Self.when) ?? "never")
            })
        section.notice = try await resetNotice(req.db, who.userID)
        section.mailOn = req.application.mockLoopServices?.config.mail != nil
        section.emailVerified = try await UserModel.find(who.userID, on: req.db)?.emailVerifiedAt != nil
        switch req.query[String.self, at: "verify"] {
        case "sent": section.notice = "A link to confirm your address is on its way to \(who.email)."
        case "none": section.notice = "Your address is confirmed already."
        default: break
        }
        return section
    }

    /// The words a user is told when an admin issued a reset link for their account.
    static func resetNotice(_ db: Database, _ userID: UUID) async throws -> String? {
        guard let link = try await PasswordLinkRepository(db: db).pendingReset(userID: userID) else { return nil }
        return "An admin issued a password reset link for your account on \(when(link.createdAt)). If you did not ask for one, tell them."
    }

    static func when(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: date)
    }
}
