import Fluent
import Foundation
import MockLoopCore

/// What keeps people safe from each other: blocking (both stop seeing each other in
/// suggestions, profiles, requests and rooms), reporting to the admins, and showing one's name
/// to a partner, which takes effect only when both have agreed.
public struct PartnerSafety {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    public func block(_ other: UUID, now: Date = Date()) async throws {
        guard other != userID else { throw MockLoopError.invalid("handle", "is your own") }
        guard try await PartnerBlockModel.query(on: db).filter(\.$userID == userID).filter(\.$blockedID == other).first() == nil else {
            return
        }
        let m = PartnerBlockModel()
        m.userID = userID
        m.blockedID = other
        m.createdAt = now
        let userID = userID
        do {
            try await db.transaction { db in
                try await m.create(on: db)
                // Nothing booked or asked between them survives a block.
                try await BookingRepository.endAll(between: userID, and: other, on: db, now: now)
            }
        } catch let e as DatabaseError where e.isConstraintFailure {}  // blocked twice at once
    }

    public func unblock(_ other: UUID) async throws {
        try await PartnerBlockModel.query(on: db).filter(\.$userID == userID).filter(\.$blockedID == other).delete()
    }

    /// Everyone either side of a block with the user.
    public func blockedEitherWay() async throws -> Set<UUID> {
        let mine = try await PartnerBlockModel.query(on: db).filter(\.$userID == userID).all().map(\.blockedID)
        let theirs = try await PartnerBlockModel.query(on: db).filter(\.$blockedID == userID).all().map(\.userID)
        return Set(mine + theirs)
    }

    public func blockedEitherWay(_ other: UUID) async throws -> Bool {
        try await PartnerBlockModel.query(on: db).group(.or) { g in
            g.group(.and) { $0.filter(\.$userID == userID).filter(\.$blockedID == other) }
            g.group(.and) { $0.filter(\.$userID == other).filter(\.$blockedID == userID) }
        }.count() > 0
    }

    /// The people the user blocked, with their handles where they have a profile.
    public func blocked() async throws -> [(id: UUID, handle: String?)] {
        let ids = try await PartnerBlockModel.query(on: db).filter(\.$userID == userID).sort(\.$createdAt).all().map(\.blockedID)
        guard !ids.isEmpty else { return [] }
        let handles = Dictionary(
            try await PartnerProfileModel.query(on: db).filter(\.$userID ~~ ids).all().map { ($0.userID, $0.handle) },
            uniquingKeysWith: { a, _ in a })
        return ids.map { ($0, handles[$0]) }
    }

    /// A report to the admins; the reason is needed and kept as written.
    public func report(_ other: UUID, reason: String, now: Date = Date()) async throws {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        if text.isEmpty { problems.add("reason", "is required: say what happened") }
        if text.count > 2000 { problems.add("reason", "must be at most 2000 characters") }
        if other == userID { problems.add("handle", "is your own") }
        try problems.check()
        let m = PartnerReportModel()
        m.reporterID = userID
        m.reportedID = other
        m.reason = text
        m.createdAt = now
        try await m.create(on: db)
    }

    /// The user agrees to show their name to `other`.
    public func reveal(to other: UUID, now: Date = Date()) async throws {
        guard try await PartnerRevealModel.query(on: db).filter(\.$userID == userID).filter(\.$otherID == other).first() == nil else {
            return
        }
        let m = PartnerRevealModel()
        m.userID = userID
        m.otherID = other
        m.createdAt = now
        do { try await m.create(on: db) } catch let e as DatabaseError where e.isConstraintFailure {}
    }

    /// Whether the user agreed to show their name to `other`, and whether `other` agreed too.
    public func reveals(with other: UUID) async throws -> (mine: Bool, theirs: Bool) {
        let rows = try await PartnerRevealModel.query(on: db).group(.or) { g in
            g.group(.and) { $0.filter(\.$userID == userID).filter(\.$otherID == other) }
            g.group(.and) { $0.filter(\.$userID == other).filter(\.$otherID == userID) }
        }.all()
        return (rows.contains { $0.userID == userID }, rows.contains { $0.userID == other })
    }
}
