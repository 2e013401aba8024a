import Fluent
import Foundation
import MockLoopCore

/// What admins do for partners: mark a passed loop verified (or take the mark back) and read
/// and close reports. The caller has checked the admin role.
public struct PartnerAdmin {
    let db: Database

    public init(db: Database) { self.db = db }

    public struct LoopRow: Sendable {
        public var id: UUID
        public var handle: String
        public var loop: PassedLoop
    }

    public struct ReportRow: Sendable {
        public var id: UUID
        public var reporter, reported: String
        public var reason: String
        public var at: Date
    }

    /// Every declared loop, unverified first, newest month first.
    public func loops(limit: Int = 200) async throws -> [LoopRow] {
        let rows = try await PassedLoopModel.query(on: db).sort(\.$verified).sort(\.$month, .descending).limit(limit).all()
        let handles = try await handles(rows.map(\.userID))
        return try rows.map { LoopRow(id: try $0.requireID(), handle: handles[$0.userID] ?? "?", loop: try PartnerRepository.loop($0)) }
    }

    /// Sets the verified mark and rewrites the owner's matching card with it, in one
    /// transaction; returns the owner.
    @discardableResult
    public func verify(_ id: UUID, _ verified: Bool) async throws -> UUID {
        try await db.transaction { db in
            guard let m = try await PassedLoopModel.find(id, on: db) else { throw MockLoopError.notFound("loop") }
            m.verified = verified
            try await m.update(on: db)
            try await PartnerLedger(db: db).refresh([m.userID])
            return m.userID
        }
    }

    /// Open reports, oldest first.
    public func openReports() async throws -> [ReportRow] {
        let rows = try await PartnerReportModel.query(on: db).filter(\.$closedAt == nil).sort(\.$createdAt).all()
        let handles = try await handles(rows.flatMap { [$0.reporterID, $0.reportedID] })
        let names = Dictionary(
            try await UserModel.query(on: db).filter(\.$id ~~ Set(rows.flatMap { [$0.reporterID, $0.reportedID] })).all().map {
                ($0.id!, $0.name)
            },
            uniquingKeysWith: { a, _ in a })
        func who(_ id: UUID) -> String { [names[id], handles[id]].compactMap { $0 }.joined(separator: " · ") }
        return try rows.map {
            ReportRow(
                id: try $0.requireID(), reporter: who($0.reporterID), reported: who($0.reportedID), reason: $0.reason, at: $0.createdAt)
        }
    }

    /// Closes a report; returns who it was about.
    @discardableResult
    public func close(_ id: UUID, now: Date = Date()) async throws -> UUID {
        guard let m = try await PartnerReportModel.find(id, on: db) else { throw MockLoopError.notFound("report") }
        m.closedAt = now
        try await m.update(on: db)
        return m.reportedID
    }

    func handles(_ ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            try await PartnerProfileModel.query(on: db).filter(\.$userID ~~ Set(ids)).all().map { ($0.userID, $0.handle) },
            uniquingKeysWith: { a, _ in a })
    }
}
