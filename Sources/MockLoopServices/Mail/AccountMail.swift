import Fluent
import Foundation
import MockLoopCore
import MockLoopStore

/// Mails about an account itself, through the same outbox: the link that verifies its address,
/// and the one-time link an admin issued to set a new password.
public struct AccountMail {
    let db: Database
    let config: MailConfig

    public init(db: Database, config: MailConfig) {
        self.db = db
        self.config = config
    }

    /// Queues the reset link to the account's own address, in the caller's transaction.
    public func enqueueReset(to user: UserModel, link: String, now: Date) async throws {
        guard let email = user.email else { return }
        let text = [
            "Hello \(user.name),", "",
            "An administrator of this MockLoop issued you a link to set a new password. It works once:", "", link, "",
            "If you did not ask for it, tell your administrator.", "", "-- ", "MockLoop",
        ].joined(separator: "\n")
        let message = MailMessage(
            from: config.from, fromName: config.fromName, to: email, subject: "Set your MockLoop password", text: text,
            messageID: "\(UUID().uuidString.lowercased())@mockloop", date: now)
        try await MailOutbox(db: db).enqueue(message, user: try user.requireID(), booking: nil, kind: "reset", now: now)
    }

    /// Queues the link that verifies the account's address, in the caller's transaction.
    public func enqueueVerification(to user: UserModel, link: String, now: Date) async throws {
        guard let email = user.email else { return }
        let text = [
            "Hello \(user.name),", "",
            "Open this link to confirm that \(email) is yours; invites and reminders for your mocks are sent only to a confirmed address:",
            "", link, "", "If you did not make an account on this MockLoop, ignore this mail.", "", "-- ", "MockLoop",
        ].joined(separator: "\n")
        let message = MailMessage(
            from: config.from, fromName: config.fromName, to: email, subject: "Confirm your e-mail address for MockLoop", text: text,
            messageID: "\(UUID().uuidString.lowercased())@mockloop", date: now)
        try await MailOutbox(db: db).enqueue(message, user: try user.requireID(), booking: nil, kind: "verify", now: now)
    }
}
