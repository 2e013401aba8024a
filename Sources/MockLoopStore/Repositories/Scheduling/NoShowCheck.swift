import Fluent
import Foundation
import MockLoopCore

/// Marks who missed a booked mock, from the room's presence: a side that had not joined the
/// room ten minutes after the start missed it. The booking then counts as missed (its time is
/// free again, so the other side can book someone else at once) and both ledgers are rewritten,
/// so the rate shows on profiles and in matching.
public struct NoShowCheck {
    public static let grace: TimeInterval = 10 * 60

    let db: Database

    public init(db: Database) { self.db = db }

    /// Checks every booking whose grace period is over; returns those found missed.
    @discardableResult
    public func run(now: Date) async throws -> [BookingModel] {
        let due = try await BookingModel.query(on: db).filter(\.$status == BookingModel.Status.booked.rawValue)
            .filter(\.$startAt <= now.addingTimeInterval(-Self.grace)).filter(\.$checkedAt == nil).limit(500).all()
        guard !due.isEmpty else { return [] }
        var missed: [BookingModel] = []
        var people: Set<UUID> = []
        for b in due {
            let joined = try await roles(joining: b)
            let absent = [RoomRole.candidate, .interviewer].filter { !joined.contains($0) }
            b.checkedAt = now
            if !absent.isEmpty {
                b.missedBy = absent.count == 2 ? "both" : absent[0].rawValue
                b.status = BookingModel.Status.missed.rawValue
                missed.append(b)
            }
            // Only the first check writes: another instance checking at once changes nothing.
            try await BookingModel.query(on: db).filter(\.$id == b.requireID()).filter(\.$checkedAt == nil)
                .set(\.$checkedAt, to: now).set(\.$missedBy, to: b.missedBy).set(\.$status, to: b.status).update()
            people.formUnion([b.candidateID, b.interviewerID])
        }
        try await PartnerLedger(db: db).refresh(Array(people))
        return missed
    }

    /// The seats that joined the booking's room by the end of the grace period.
    func roles(joining b: BookingModel) async throws -> Set<RoomRole> {
        guard let room = b.roomID else { return [] }
        let deadline = b.startAt.addingTimeInterval(Self.grace)
        let joins = try await RoomEventModel.query(on: db).filter(\.$roomID == room).filter(\.$kind == RoomEvent.Kind.joined.rawValue)
            .filter(\.$at <= deadline).all(\.$byRole)
        return Set(joins.compactMap { $0.flatMap(RoomRole.init(rawValue:)) })
    }
}
