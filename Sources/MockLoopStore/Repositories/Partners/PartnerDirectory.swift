import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Finds partners for one user: every visible profile scored from its matching card, then the
/// ledgers (mocks given and received, feedback ratings) read only for those who can still make
/// the list, so ten thousand profiles cost one narrow read and a few small ones.
public struct PartnerDirectory {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    static let needProfile = MockLoopError(
        .conflict, "Make your partner profile first: suggestions need your targets, the types you want and offer, and your free times.")

    /// The best `limit` partners for the user, best first, each with its reasons.
    public func suggestions(now: Date = Date(), limit: Int = 20) async throws -> [PartnerSuggestion] {
        guard let mine = try await PartnerProfileModel.query(on: db).filter(\.$userID == userID).first(),
            let me = MatchCard(text: mine.card)
        else { throw Self.needProfile }
        let blocked = try await PartnerSafety(db: db, userID: userID).blockedEitherWay()
        let paired = try await lastPaired(now: now)
        let scorer = Self.scorer(me, now: now)
        var zones: [String: ZoneQuarters] = [:]
        var base: [PartnerSuggestion] = []
        for row in try await sql.select().column("user_id").column("card").from(PartnerProfileModel.schema)
            .where("visible", .equal, true).all()
        {
            let id = try row.decode(column: "user_id", as: UUID.self)
            guard id != userID, !blocked.contains(id), let card = MatchCard(text: try row.decode(column: "card", as: String.self)) else {
                continue
            }
            let zone = zones[card.timeZone] ?? Self.zone(card.timeZone, now: now)
            zones[card.timeZone] = zone
            if let s = scorer.base(card, userID: id, zone: zone, lastPairedDaysAgo: paired[id]) { base.append(s) }
        }
        base = PartnerScorer.rank(base)
        var done: [PartnerSuggestion] = []
        var loaded = 0
        var batch = max(limit * 2, 40)
        while loaded < base.count {
            let next = Array(base[loaded..<min(base.count, loaded + batch)])
            let ledgers = try await stats(for: next.map(\.userID))
            done = PartnerScorer.rank(done + next.map { scorer.complete($0, ledgers[$0.userID] ?? PartnerStats()) })
            loaded += next.count
            // Nobody left can pass the last place even with the best possible ledger.
            if done.count >= limit, loaded < base.count, base[loaded].score + PartnerScorer.ledgerCeiling < done[limit - 1].score { break }
            batch *= 2
        }
        return Array(done.prefix(limit))
    }

    /// How one other person matches the user: the same score and reasons a suggestion has.
    public func match(_ other: PartnerProfile, now: Date = Date()) async throws -> PartnerSuggestion? {
        guard let mine = try await PartnerProfileModel.query(on: db).filter(\.$userID == userID).first(),
            let me = MatchCard(text: mine.card)
        else { return nil }
        let paired = try await lastPaired(now: now)
        guard let base = Self.scorer(me, now: now).base(MatchCard(other), userID: other.userID, zone: Self.zone(other.timeZone, now: now), lastPairedDaysAgo: paired[other.userID])
        else { return nil }
        return Self.scorer(me, now: now).complete(base, try await stats(for: [other.userID])[other.userID] ?? PartnerStats())
    }

    static func scorer(_ me: MatchCard, now: Date) -> PartnerScorer {
        let myZone = zone(me.timeZone, now: now)
        return PartnerScorer(me: me, today: LocalDay.today(now), mine: me.availability.isEmpty ? nil : me.availability.free(in: myZone))
    }

    static func zone(_ identifier: String, now: Date) -> ZoneQuarters {
        let window = ZoneQuarters.window(from: now)
        return ZoneQuarters(zone: TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!, start: window.start, count: window.count)
    }

    /// The ledger of each of these people: mocks given and received here (rooms that ended, with
    /// a person interviewing), and the candidates' ratings of the feedback they gave.
    public func stats(for ids: [UUID]) async throws -> [UUID: PartnerStats] {
        guard !ids.isEmpty else { return [:] }
        var out: [UUID: PartnerStats] = [:]
        let rooms = RoomModel.schema
        for row in try await sql.select().column("interviewer_id", as: "who").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(rooms).where("interviewer_id", .in, ids).where("ended_at", .isNot, SQLLiteral.null).groupBy("interviewer_id").all()
        {
            out[try row.decode(column: "who", as: UUID.self), default: PartnerStats()].given = try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.select().column("candidate_id", as: "who").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(rooms).where("candidate_id", .in, ids).where("ended_at", .isNot, SQLLiteral.null)
            .where("interviewer_name", .isNot, SQLLiteral.null).groupBy("candidate_id").all()
        {
            out[try row.decode(column: "who", as: UUID.self), default: PartnerStats()].received = try row.decode(column: "n", as: Int.self)
        }
        let feedback = PartnerFeedbackModel.schema
        for row in try await sql.select().column(SQLColumn("interviewer_id", table: rooms), as: "who")
            .column(SQLRaw("CAST(SUM((\(feedback).specific + \(feedback).honest) / 2.0) AS DOUBLE PRECISION)"), as: "total")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(rooms).join(feedback, on: SQLColumn("session_id", table: feedback), .equal, SQLColumn("session_id", table: rooms))
            .where(SQLColumn("interviewer_id", table: rooms), .in, SQLBind.group(ids)).where(SQLColumn("specific", table: feedback), .isNot, SQLLiteral.null)
            .where(SQLColumn("honest", table: feedback), .isNot, SQLLiteral.null)
            .groupBy(SQLColumn("interviewer_id", table: rooms)).all()
        {
            let who = try row.decode(column: "who", as: UUID.self)
            out[who, default: PartnerStats()].ratingTotal = try row.decode(column: "total", as: Double.self)
            out[who, default: PartnerStats()].ratings = try row.decode(column: "n", as: Int.self)
        }
        return out
    }

    /// Days since the user last had a mock with each person (rooms of the last 30 days).
    func lastPaired(now: Date) async throws -> [UUID: Int] {
        let userID = userID
        let rooms = try await RoomModel.query(on: db).filter(\.$createdAt >= now.addingTimeInterval(-30 * 86400))
            .group(.or) { $0.filter(\.$candidateID == userID).filter(\.$interviewerID == userID) }.all()
        var out: [UUID: Int] = [:]
        for room in rooms {
            guard let other = room.candidateID == userID ? room.interviewerID : room.candidateID, other != userID else { continue }
            let days = max(0, Int(now.timeIntervalSince(room.createdAt) / 86400))
            out[other] = min(out[other] ?? days, days)
        }
        return out
    }

    var sql: SQLDatabase { db as! SQLDatabase }
}
