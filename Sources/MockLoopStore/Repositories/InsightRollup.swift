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
        enum CodingKeys: String, CodingKey { case userId = "user_id", type, startedAt = "started_at" }
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
            .values(SQLBind(userID), SQLBind(type.rawValue), SQLBind(day), SQLBind(a.sessions), SQLBind(a.scoredSessions),
                    SQLBind(a.withDifficulty), SQLBind(a.mediumHard), SQLBind(a.repeats), SQLBind(a.wentEasy),
                    SQLBind(a.aiSessions), SQLBind(a.qualifying))
            .run()
        guard !a.tallies.isEmpty else { return }
        let insert = sql.insert(into: "insight_dimension_days")
            .columns("user_id", "type", "day", "dimension", "n", "total", "ones", "ai_n", "ai_total", "human_n", "human_total", "self_n", "self_gap")
        for (dimension, t) in a.tallies.sorted(by: { $0.key < $1.key }) {
            insert.values(SQLBind(userID), SQLBind(type.rawValue), SQLBind(day), SQLBind(dimension), SQLBind(t.count), SQLBind(t.sum),
                          SQLBind(t.ones), SQLBind(t.aiCount), SQLBind(t.aiSum), SQLBind(t.humanCount), SQLBind(t.humanSum),
                          SQLBind(t.selfPairs), SQLBind(t.selfGapSum))
        }
        try await insert.run()
    }

    private struct DayRow: Decodable {
        var sessions, scored, rated, mediumHard, repeats, wentEasy, ai, qualifying: Int?
        enum CodingKeys: String, CodingKey {
            case sessions, scored, rated, mediumHard = "medium_hard", repeats, wentEasy = "went_easy", ai, qualifying
        }
    }

    private struct DimensionRow: Decodable {
        var dimension: String
        var n, total, ones, aiN, aiTotal, humanN, humanTotal, selfN, selfGap: Int?
        enum CodingKeys: String, CodingKey {
            case dimension, n, total, ones, aiN = "ai_n", aiTotal = "ai_total", humanN = "human_n", humanTotal = "human_total",
                 selfN = "self_n", selfGap = "self_gap"
        }
    }

    /// The window's aggregate from the roll-ups: days from `sinceDay` on (all when nil).
    func aggregate(type: InterviewType, sinceDay: Int?) async throws -> WindowAggregate {
        func sum(_ column: String) -> SQLQueryString { SQLQueryString("CAST(SUM(\(ident: column)) AS BIGINT)") }
        var days = sql.select()
        for c in ["sessions", "scored", "rated", "medium_hard", "repeats", "went_easy", "ai", "qualifying"] { days = days.column(sum(c), as: c) }
        days = days.from("insight_days").where("user_id", .equal, SQLBind(userID)).where("type", .equal, SQLBind(type.rawValue))
        if let sinceDay { days = days.where("day", .greaterThanOrEqual, SQLBind(sinceDay)) }
        let d = try await days.first(decoding: DayRow.self)
        var a = WindowAggregate()
        a.sessions = d?.sessions ?? 0
        a.scoredSessions = d?.scored ?? 0
        a.withDifficulty = d?.rated ?? 0
        a.mediumHard = d?.mediumHard ?? 0
        a.repeats = d?.repeats ?? 0
        a.wentEasy = d?.wentEasy ?? 0
        a.aiSessions = d?.ai ?? 0
        a.qualifying = d?.qualifying ?? 0

        var dims = sql.select().column("dimension")
        for c in ["n", "total", "ones", "ai_n", "ai_total", "human_n", "human_total", "self_n", "self_gap"] { dims = dims.column(sum(c), as: c) }
        dims = dims.from("insight_dimension_days").where("user_id", .equal, SQLBind(userID)).where("type", .equal, SQLBind(type.rawValue))
        if let sinceDay { dims = dims.where("day", .greaterThanOrEqual, SQLBind(sinceDay)) }
        for r in try await dims.groupBy("dimension").all(decoding: DimensionRow.self) {
            var t = WindowAggregate.Tally()
            t.count = r.n ?? 0
            t.sum = r.total ?? 0
            t.ones = r.ones ?? 0
            t.aiCount = r.aiN ?? 0
            t.aiSum = r.aiTotal ?? 0
            t.humanCount = r.humanN ?? 0
            t.humanSum = r.humanTotal ?? 0
            t.selfPairs = r.selfN ?? 0
            t.selfGapSum = r.selfGap ?? 0
            a.tallies[r.dimension] = t
        }
        return a
    }
}
