import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Daily roll-ups of what the insights count: one row per (user, type, UTC day) with the
/// session-level counts, and one per dimension with the score sums. Insights for a window then
/// add up a few hundred small rows instead of scanning every score. Every write that changes a
/// session's day, status or scores recomputes that day from the sessions themselves, so a
/// roll-up can never drift from the log.
struct InsightRollup {
    let db: Database
    let userID: UUID

    private var sql: SQLDatabase { db as! SQLDatabase }

    static func day(_ date: Date) -> Int { InsightsWindow.day(of: date) }

    /// Recomputes these days of this type (inside the caller's transaction when there is one).
    func refresh(type: InterviewType, days: Set<Int>) async throws {
        // Two writers of the same user's day would both count, then both insert: under
        // PostgreSQL's read committed the second insert would hit the unique index. Writes
        // of one user's roll-ups take turns (SQLite already serialises writers).
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT 1 FROM users WHERE id = \(bind: userID) FOR UPDATE").run()
        }
        let reader = InsightsRepository(db: db, userID: userID)
        for day in days.sorted() {
            let from = Date(timeIntervalSince1970: Double(day) * 86_400)
            let to = Date(timeIntervalSince1970: Double(day + 1) * 86_400)
            var a = try await reader.sessionCounts(type: type, since: from, until: to)
            a.tallies = try await reader.tallies(type: type, since: from, until: to)
            try await write(a, type: type, day: day)
        }
    }

    private struct SessionDay: Decodable {
        var userId: UUID
        var type: String
        var startedAt: Date
        enum CodingKeys: String, CodingKey {
            case userId = "user_id"
            case type
            case startedAt = "started_at"
        }
    }

    /// Every user's roll-ups from their sessions (the migration that adds them).
    static func rebuildAll(_ db: Database) async throws {
        let rows = try await (db as! SQLDatabase).select().columns("user_id", "type", "started_at").from("sessions")
            .all(decoding: SessionDay.self)
        var days: [UUID: [InterviewType: Set<Int>]] = [:]
        for r in rows {
            guard let type = InterviewType(rawValue: r.type) else { continue }
            days[r.userId, default: [:]][type, default: []].insert(day(r.startedAt))
        }
        for (user, byType) in days {
            for (type, set) in byType { try await InsightRollup(db: db, userID: user).refresh(type: type, days: set) }
        }
    }

    private func write(_ a: WindowAggregate, type: InterviewType, day: Int) async throws {
        for table in ["insight_days", "insight_dimension_days"] {
            try await sql.delete(from: table).where("user_id", .equal, SQLBind(userID))
                .where("type", .equal, SQLBind(type.rawValue)).where("day", .equal, SQLBind(day)).run()
        }
        guard a.sessions > 0 else { return }
        try await sql.insert(into: "insight_days")
            .columns("user_id", "type", "day", "sessions", "scored", "rated", "medium_hard", "repeats", "went_easy", "ai", "qualifying")
            .values(
                SQLBind(userID), SQLBind(type.rawValue), SQLBind(day), SQLBind(a.sessions), SQLBind(a.scoredSessions),
                SQLBind(a.withDifficulty), SQLBind(a.mediumHard), SQLBind(a.repeats), SQLBind(a.wentEasy),
                SQLBind(a.aiSessions), SQLBind(a.qualifying)
            )
            .run()
        guard !a.tallies.isEmpty else { return }
        let insert = sql.insert(into: "insight_dimension_days")
            .columns(
                "user_id", "type", "day", "dimension", "n", "total", "ones", "ai_n", "ai_total", "human_n", "human_total", "self_n",
                "self_gap")
        for (dimension, t) in a.tallies.sorted(by: { $0.key < $1.key }) {
            insert.values(
                SQLBind(userID), SQLBind(type.rawValue), SQLBind(day), SQLBind(dimension), SQLBind(t.count), SQLBind(t.sum),
                SQLBind(t.ones), SQLBind(t.aiCount), SQLBind(t.aiSum), SQLBind(t.humanCount), SQLBind(t.humanSum),
                SQLBind(t.selfPairs), SQLBind(t.selfGapSum))
        }
        try await insert.run()
    }

    /// The window's aggregate from the roll-ups: days from `sinceDay` on (all when nil).
    func aggregate(type: InterviewType, sinceDay: Int?) async throws -> WindowAggregate {
        func sum(_ column: String) -> SQLQueryString { SQLQueryString("CAST(SUM(\(ident: column)) AS BIGINT)") }
        var days = sql.select()
        for c in CountsRow.columns { days = days.column(sum(c), as: c) }
        days = days.from("insight_days").where("user_id", .equal, SQLBind(userID)).where("type", .equal, SQLBind(type.rawValue))
        if let sinceDay { days = days.where("day", .greaterThanOrEqual, SQLBind(sinceDay)) }
        var a = try await days.first(decoding: CountsRow.self)?.aggregate ?? WindowAggregate()

        var dims = sql.select().column("dimension")
        for c in TallyRow.columns { dims = dims.column(sum(c), as: c) }
        dims = dims.from("insight_dimension_days").where("user_id", .equal, SQLBind(userID)).where("type", .equal, SQLBind(type.rawValue))
        if let sinceDay { dims = dims.where("day", .greaterThanOrEqual, SQLBind(sinceDay)) }
        for r in try await dims.groupBy("dimension").all(decoding: TallyRow.self) { a.tallies[r.dimension] = r.tally }
        return a
    }
}
