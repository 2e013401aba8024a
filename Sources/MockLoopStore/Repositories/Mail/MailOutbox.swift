import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// The outbox: mails are queued in the transaction that causes them and claimed for sending
/// with a conditional UPDATE, so two instances never take the same one; a claim lapses after its
/// lease, so a mail whose sender died is sent again (with the same Message-ID).
public struct MailOutbox {
    let db: Database

    public init(db: Database) { self.db = db }

    /// Queues a mail to a user; the caller's transaction decides whether it exists.
    public func enqueue(
        _ message: MailMessage, user: UUID?, booking: UUID?, kind: String, now: Date
    ) async throws {
        let m = MailOutboxModel()
        m.messageID = message.messageID
        m.userID = user
        m.bookingID = booking
        m.kind = kind
        m.recipient = message.to
        m.subject = String(message.subject.prefix(250))
        m.body = message.rendered()
        m.status = MailOutboxModel.Status.pending.rawValue
        m.attempts = 0
        m.nextAt = now
        m.createdAt = now
        try await m.create(on: db)
    }

    /// Takes up to `limit` mails that are due (or whose sender's lease ran out) for this sender.
    public func claim(now: Date, lease: TimeInterval, limit: Int = 10) async throws -> [MailOutboxModel] {
        let pending = MailOutboxModel.Status.pending.rawValue
        let sending = MailOutboxModel.Status.sending.rawValue
        let due: SQLQueryString =
            "((status = \(bind: pending) AND next_at <= \(bind: now)) OR (status = \(bind: sending) AND lease_until <= \(bind: now)))"
        let rows = try await sql.raw(
            """
            UPDATE mail_outbox SET status = \(bind: sending), lease_until = \(bind: now.addingTimeInterval(lease)), \
            attempts = attempts + 1 WHERE id IN (SELECT id FROM mail_outbox WHERE \(due) ORDER BY next_at LIMIT \(bind: limit)) \
            AND \(due) RETURNING id
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await MailOutboxModel.query(on: db).filter(\.$id ~~ ids).sort(\.$nextAt).all()
    }

    /// The server took it.
    public func sent(_ id: UUID, now: Date) async throws {
        try await MailOutboxModel.query(on: db).filter(\.$id == id).filter(\.$status == MailOutboxModel.Status.sending.rawValue)
            .set(\.$status, to: MailOutboxModel.Status.sent.rawValue).set(\.$sentAt, to: now).set(\.$leaseUntil, to: nil).update()
    }

    /// It was not taken: tried again after `retryAfter`, or given up on (a permanent refusal, or
    /// no attempts left), with the reason kept to show.
    public func notSent(_ m: MailOutboxModel, reason: String, retryAfter: TimeInterval?, now: Date) async throws {
        let q = try MailOutboxModel.query(on: db).filter(\.$id == m.requireID()).filter(
            \.$status == MailOutboxModel.Status.sending.rawValue
        )
        .set(\.$lastError, to: String(reason.prefix(250))).set(\.$leaseUntil, to: nil)
        if let retryAfter {
            try await q.set(\.$status, to: MailOutboxModel.Status.pending.rawValue).set(\.$nextAt, to: now.addingTimeInterval(retryAfter))
                .update()
        } else {
            try await q.set(\.$status, to: MailOutboxModel.Status.failed.rawValue).update()
        }
    }

    /// Mails to this user that could not be sent, newest first.
    public func failures(for user: UUID, limit: Int = 10) async throws -> [MailOutboxModel] {
        try await MailOutboxModel.query(on: db).filter(\.$userID == user).filter(\.$status == MailOutboxModel.Status.failed.rawValue)
            .sort(\.$createdAt, .descending).limit(limit).all()
    }

    /// How many mails are in each state, and the latest failures, for the admins.
    public func summary(limit: Int = 20) async throws -> (counts: [String: Int], failed: [MailOutboxModel]) {
        var counts: [String: Int] = [:]
        for s in [MailOutboxModel.Status.pending, .sending, .sent, .failed] {
            counts[s.rawValue] = try await MailOutboxModel.query(on: db).filter(\.$status == s.rawValue).count()
        }
        let failed = try await MailOutboxModel.query(on: db).filter(\.$status == MailOutboxModel.Status.failed.rawValue)
            .sort(\.$createdAt, .descending).limit(limit).all()
        return (counts, failed)
    }

    /// Bookings starting within a day whose reminders are not queued yet.
    public func bookingsToRemind(now: Date) async throws -> [BookingModel] {
        try await BookingModel.query(on: db).filter(\.$status == BookingModel.Status.booked.rawValue)
            .filter(\.$startAt > now).filter(\.$startAt <= now.addingTimeInterval(86400)).filter(\.$remindedAt == nil).limit(100).all()
    }

    /// Marks a booking's reminders as queued, once: false when another instance already did.
    /// Called in the transaction that queues them.
    public func markReminded(_ booking: UUID, now: Date) async throws -> Bool {
        let rows = try await sql.update(BookingModel.schema).set("reminded_at", to: SQLBind(now)).where("id", .equal, SQLBind(booking))
            .where("reminded_at", .is, SQLLiteral.null).returning("id").all()
        return !rows.isEmpty
    }

    var sql: SQLDatabase { db as! SQLDatabase }
}
