import Fluent
import Foundation
import MockLoopCore

/// One user's partner profile: read, saved (profile, loops and matching card in one
/// transaction), hidden or removed; and another visible person's profile by handle.
public struct PartnerRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// The user's profile, or nil before they made one.
    public func profile() async throws -> PartnerProfile? {
        guard let m = try await PartnerProfileModel.query(on: db).filter(\.$userID == userID).first() else { return nil }
        return try await Self.profile(m, on: db)
    }

    /// Saves the profile as typed. A loop keeps its verified mark while its company, level and
    /// month stay the same; a handle someone else has is refused by name.
    @discardableResult
    public func save(_ input: PartnerProfileInput, now: Date = Date()) async throws -> PartnerProfile {
        let old = try await PassedLoopModel.query(on: db).filter(\.$userID == userID).all()
        let verified = try old.filter(\.verified).map(Self.loop)
        let profile = try input.profile(userID: userID, today: LocalDay.today(now), verified: verified)
        if let other = try await PartnerProfileModel.query(on: db).filter(\.$handle == profile.handle).first(), other.userID != userID {
            throw MockLoopError.invalid("handle", "\"\(profile.handle)\" is taken: choose another")
        }
        var body = PartnerProfileInput(profile)
        body.loops = nil
        let json = String(decoding: try JSONEncoder.sorted.encode(body), as: UTF8.self)
        let userID = userID
        let ledger = try await PartnerLedger(db: db).stats(for: [userID])[userID] ?? PartnerStats()
        do {
            try await db.transaction { db in
                let m = try await PartnerProfileModel.query(on: db).filter(\.$userID == userID).first() ?? PartnerProfileModel()
                m.userID = userID
                m.handle = profile.handle
                m.visible = profile.visible
                m.body = json
                m.card = MatchCard(profile, ledger: ledger).text
                m.updatedAt = now
                try await m.save(on: db)
                try await PassedLoopModel.query(on: db).filter(\.$userID == userID).delete()
                for loop in profile.loops { try await Self.model(loop, userID: userID, now: now).create(on: db) }
                try await PartnerCards.changed(db)
            }
        } catch let e as DatabaseError where e.isConstraintFailure {
            throw MockLoopError.invalid("handle", "\"\(profile.handle)\" is taken: choose another")
        }
        return profile
    }

    /// Removes the profile and its loops.
    public func remove() async throws {
        let userID = userID
        try await db.transaction { db in
            try await PassedLoopModel.query(on: db).filter(\.$userID == userID).delete()
            try await PartnerProfileModel.query(on: db).filter(\.$userID == userID).delete()
            try await PartnerCards.changed(db)
        }
    }

    /// Someone else's visible profile by handle; hidden, blocked either way, or one's own
    /// handle is "not found".
    public func other(handle: String) async throws -> PartnerProfile {
        guard
            let m = try await PartnerProfileModel.query(on: db).filter(\.$handle == handle.lowercased()).filter(\.$visible == true).first(),
            m.userID != userID, try await !PartnerSafety(db: db, userID: userID).blockedEitherWay(m.userID)
        else { throw MockLoopError.notFound("partner") }
        return try await Self.profile(m, on: db)
    }

    /// A stored profile, read back (hidden or not: for someone one already has a request or booking with).
    public static func read(_ m: PartnerProfileModel, on db: Database) async throws -> PartnerProfile { try await profile(m, on: db) }

    static func profile(_ m: PartnerProfileModel, on db: Database) async throws -> PartnerProfile {
        let input = try JSONDecoder().decode(PartnerProfileInput.self, from: Data(m.body.utf8))
        // Stored input was checked when saved; reading it back only rebuilds the value, so
        // "today" is far enough ahead that no stored month reads as "in the future".
        var profile = try input.profile(userID: m.userID, today: LocalDay.number(year: 2999, month: 12, day: 31))
        profile.loops = try await PassedLoopModel.query(on: db).filter(\.$userID == m.userID).sort(\.$month, .descending).all()
            .map(loop)
        return profile
    }

    static func loop(_ m: PassedLoopModel) throws -> PassedLoop {
        PassedLoop(
            company: m.company, tier: CompanyTier(rawValue: m.tier) ?? .tier3, level: Level(rawValue: m.level) ?? .mid,
            types: m.types.split(separator: ",").compactMap { InterviewType(rawValue: String($0)) }, month: m.month,
            verified: m.verified)
    }

    static func model(_ loop: PassedLoop, userID: UUID, now: Date) -> PassedLoopModel {
        let m = PassedLoopModel()
        m.userID = userID
        m.company = loop.company
        m.tier = loop.tier.rawValue
        m.level = loop.level.rawValue
        m.types = loop.types.map(\.rawValue).joined(separator: ",")
        m.month = loop.month
        m.verified = loop.verified
        m.createdAt = now
        return m
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return e
    }
}
