import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// One user's booked mocks, as candidate or interviewer: booked from an accepted request (the
/// candidate's planned session and its room with the interviewer's seat already theirs), moved
/// to a new time, or cancelled. Either side sees the booking; anyone else finds nothing.
public struct BookingRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// A room on a booking stays open this long after the start (a late mock still has its room).
    public static let roomLifetime: TimeInterval = 7 * 86400
    /// Cancelled bookings stay in the list and the calendar feed this long, so calendars drop them.
    public static let keepCancelled: TimeInterval = 30 * 86400

    /// The user's bookings from `since` on (booked, and cancelled ones of the last 30 days),
    /// earliest first; nobody blocked either way.
    public func all(since: Date? = nil, now: Date = Date()) async throws -> [BookingModel] {
        let userID = userID
        var q = BookingModel.query(on: db).group(.or) { $0.filter(\.$candidateID == userID).filter(\.$interviewerID == userID) }
        if let since { q = q.filter(\.$startAt >= since) }
        let blocked = try await PartnerSafety(db: db, userID: userID).blockedEitherWay()
        return try await q.sort(\.$startAt).sort(\.$id).all().filter {
            !blocked.contains(other(of: $0))
                && ($0.status == BookingModel.Status.booked.rawValue || $0.updatedAt > now.addingTimeInterval(-Self.keepCancelled))
        }
    }

    /// One booking of the user's; someone else's (or a blocked person's) is "not found".
    public func find(_ id: UUID) async throws -> BookingModel { try await BookingModel.reach(id, by: userID, on: db, "booking") }

    public func other(of b: BookingModel) -> UUID { b.other(of: userID) }

    /// Mocks booked with the user as candidate from `from` to `to` whose session is not finished
    /// yet (a finished one is counted from the log).
    public func bookedAsCandidate(from: Date, to: Date) async throws -> Int {
        let booked = try await BookingModel.query(on: db).filter(\.$candidateID == userID)
            .filter(\.$status == BookingModel.Status.booked.rawValue).filter(\.$startAt >= from).filter(\.$startAt < to).all()
        let sessions = booked.compactMap(\.sessionID)
        guard !sessions.isEmpty else { return 0 }
        return try await SessionModel.query(on: db).filter(\.$id ~~ sessions).filter(\.$userID == userID)
            .filter(\.$status != SessionStatus.completed.rawValue).count()
    }

    /// Cancels a booking (either side): the calendar event goes to CANCELLED with a higher
    /// sequence, and the candidate's planned session goes with its room unless it has begun.
    @discardableResult
    public func cancel(_ id: UUID, now: Date = Date()) async throws -> BookingModel {
        let b = try await find(id)
        guard b.status == BookingModel.Status.booked.rawValue else { throw MockLoopError(.conflict, "This mock is already cancelled.") }
        guard b.endAt > now else { throw MockLoopError(.conflict, "This mock is over: it cannot be cancelled.") }
        try await db.transaction { db in try await Self.cancel(b, by: userID, on: db, now: now) }
        return b
    }

    static func cancel(_ b: BookingModel, by user: UUID, on db: Database, now: Date) async throws {
        b.status = BookingModel.Status.cancelled.rawValue
        b.sequence += 1
        b.updatedAt = now
        b.cancelledBy = user
        let session = b.sessionID
        b.sessionID = nil
        b.roomID = nil
        try await b.update(on: db)
        if let session, let s = try await SessionModel.find(session, on: db), s.status == SessionStatus.planned.rawValue {
            try await SessionRepository(db: db, userID: b.candidateID).delete(session)
        }
        // Pending moves of this booking have nothing left to move.
        try await MockRequestModel.query(on: db).filter(\.$bookingID == b.id).filter(\.$status == MockRequestModel.Status.pending.rawValue)
            .set(\.$status, to: MockRequestModel.Status.withdrawn.rawValue).set(\.$answeredAt, to: now).update()
    }

    /// Ends everything booked or asked between two people when one blocks the other.
    static func endAll(between a: UUID, and b: UUID, on db: Database, now: Date) async throws {
        let pair: (QueryBuilder<BookingModel>) -> Void = { q in
            q.group(.or) { either in
                either.group(.and) { $0.filter(\.$candidateID == a).filter(\.$interviewerID == b) }
                either.group(.and) { $0.filter(\.$candidateID == b).filter(\.$interviewerID == a) }
            }
        }
        let q = BookingModel.query(on: db).filter(\.$status == BookingModel.Status.booked.rawValue).filter(\.$startAt > now)
        pair(q)
        for booking in try await q.all() { try await cancel(booking, by: a, on: db, now: now) }
        try await MockRequestModel.query(on: db).filter(\.$status == MockRequestModel.Status.pending.rawValue)
            .group(.or) { either in
                either.group(.and) { $0.filter(\.$candidateID == a).filter(\.$interviewerID == b) }
                either.group(.and) { $0.filter(\.$candidateID == b).filter(\.$interviewerID == a) }
            }
            .set(\.$status, to: MockRequestModel.Status.withdrawn.rawValue).set(\.$answeredAt, to: now).update()
    }

    /// Mocks booked for either person that would overlap `start` for `minutes`.
    static func clash(_ people: [UUID], start: Date, minutes: Int, except: UUID?, on db: Database) async throws -> BookingModel? {
        let end = start.addingTimeInterval(TimeInterval(minutes * 60))
        return try await busy(people, from: start, to: end, on: db).first { $0.id != except && $0.endAt > start }
    }

    /// The booked mocks of these people starting before `to` that may reach past `from` (none
    /// is longer than the longest clock), to take out of the time they share.
    static func busy(_ people: [UUID], from: Date, to: Date, on db: Database) async throws -> [BookingModel] {
        try await BookingModel.query(on: db).filter(\.$status == BookingModel.Status.booked.rawValue)
            .filter(\.$startAt < to).filter(\.$startAt > from.addingTimeInterval(-4 * 3600))
            .group(.or) { q in
                for p in people {
                    q.filter(\.$candidateID == p)
                    q.filter(\.$interviewerID == p)
                }
            }.all()
    }
}
