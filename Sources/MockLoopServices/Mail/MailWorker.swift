import Fluent
import Foundation
import Logging
import MockLoopCore
import MockLoopStore
import Vapor

/// Sends the outbox: every instance runs one, looking each second for due mails and claiming
/// them for itself, so mails go out whichever instance queued them and none is taken twice at
/// once. Also queues the
/// reminders a day before each booked mock. Logs say what happened to a mail by its id, never
/// its address or text.
public final class MailWorker: LifecycleHandler, @unchecked Sendable {
    let config: MailConfig
    let clock: ServerClock
    let base: String
    let pollEvery: TimeInterval
    private var task: Task<Void, Never>?

    public init(config: MailConfig, clock: ServerClock, base: String, pollEvery: TimeInterval = 1) {
        self.config = config
        self.clock = clock
        self.base = base
        self.pollEvery = pollEvery
    }

    public func didBootAsync(_ app: Application) async throws {
        let db = app.db
        let logger = app.logger
        task = Task { [self] in
            while !Task.isCancelled {
                do { try await round(db: db, logger: logger) } catch { logger.warning("mail round failed: \(type(of: error))") }
                try? await Task.sleep(for: .seconds(pollEvery))
            }
        }
    }

    public func shutdownAsync(_ app: Application) async {
        task?.cancel()
        _ = await task?.value
    }

    /// Queues due reminders, then sends what is due.
    public func round(db: Database, logger: Logger) async throws {
        let now = clock.now()
        let (config, base) = (config, base)
        for b in try await MailOutbox(db: db).bookingsToRemind(now: now) {
            try await db.transaction { tx in
                guard try await MailOutbox(db: tx).markReminded(b.requireID(), now: now) else { return }
                try await BookingMail(db: tx, config: config, base: base).enqueue(.reminder, b, now: now)
            }
        }
        let outbox = MailOutbox(db: db)
        let client = SMTPClient(config: config)
        for mail in try await outbox.claim(now: now, lease: config.leaseSeconds) {
            let id = try mail.requireID()
            do {
                try await client.send(mail.body, from: config.from, to: mail.recipient)
                try await outbox.sent(id, now: clock.now())
                logger.info("mail \(id) sent (attempt \(mail.attempts))")
            } catch let failure as SMTPClient.Failure {
                let giveUp = failure.permanent || mail.attempts >= config.attempts
                try await outbox.notSent(
                    mail, reason: failure.description, retryAfter: giveUp ? nil : config.backoff(after: mail.attempts), now: clock.now())
                logger.warning(
                    "mail \(id) not sent (attempt \(mail.attempts), code \(failure.code.map(String.init) ?? "none"))\(giveUp ? ": given up" : "")"
                )
            } catch {
                let giveUp = mail.attempts >= config.attempts
                try await outbox.notSent(
                    mail, reason: "\(type(of: error))", retryAfter: giveUp ? nil : config.backoff(after: mail.attempts), now: clock.now())
                logger.warning("mail \(id) not sent (attempt \(mail.attempts)): \(type(of: error))")
            }
        }
    }
}
