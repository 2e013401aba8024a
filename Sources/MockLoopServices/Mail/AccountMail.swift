import Fluent
import Foundation
import MockLoopCore
import MockLoopStore

/// Mails about an account itself, through the same outbox: the one-time link an admin issued to
/// set a new password.
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
}
