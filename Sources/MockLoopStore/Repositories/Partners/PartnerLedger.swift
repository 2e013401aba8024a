import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// The reciprocity ledger: mocks given and received here, and how the candidates rated the
/// feedback, counted from the rooms. Each profile's matching card carries a copy, refreshed when
/// a mock ends or is rated and when the profile is saved.
public struct PartnerLedger {
    let db: Database

    public init(db: Database) { self.db = db }

    /// The ledger of each of these people: mocks given and received here (rooms that ended, with
    /// a person interviewing), the candidates' ratings of the feedback they gave, and the booked
    /// mocks they missed.
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
            .where(SQLColumn("interviewer_id", table: rooms), .in, SQLBind.group(ids)).where(
                SQLColumn("specific", table: feedback), .isNot, SQLLiteral.null
            )
            .where(SQLColumn("honest", table: feedback), .isNot, SQLLiteral.null)
            .groupBy(SQLColumn("interviewer_id", table: rooms)).all()
        {
            let who = try row.decode(column: "who", as: UUID.self)
            out[who, default: PartnerStats()].ratingTotal = try row.decode(column: "total", as: Double.self)
            out[who, default: PartnerStats()].ratings = try row.decode(column: "n", as: Int.self)
        }
        // Booked mocks checked for presence, and those the person missed.
        let idSet = Set(ids)
        for b in try await BookingModel.query(on: db).filter(\.$checkedAt != nil)
            .group(.or, { $0.filter(\.$candidateID ~~ ids).filter(\.$interviewerID ~~ ids) }).all()
        {
            for (who, role) in [(b.candidateID, RoomRole.candidate), (b.interviewerID, .interviewer)] where idSet.contains(who) {
                out[who, default: PartnerStats()].bookings += 1
                if b.missedBy == "both" || b.missedBy == role.rawValue { out[who, default: PartnerStats()].noShows += 1 }
            }
        }
        return out
    }

    /// Rewrites the matching cards of these people (those with a profile) with their ledgers.
    public func refresh(_ users: [UUID]) async throws {
        guard !users.isEmpty else { return }
        let ledgers = try await stats(for: users)
        for m in try await PartnerProfileModel.query(on: db).filter(\.$userID ~~ Set(users)).all() {
            m.card = MatchCard(try await PartnerRepository.profile(m, on: db), ledger: ledgers[m.userID] ?? PartnerStats()).text
            try await m.update(on: db)
        }
        try await PartnerCards.changed(db)
    }

    var sql: SQLDatabase { db as! SQLDatabase }
}
