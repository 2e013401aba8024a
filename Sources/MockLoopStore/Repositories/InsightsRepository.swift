import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Gathers what the insights are computed from, in a few queries however long the log is:
/// the window's counts and sums in SQL (GROUP BY), and only the most recent sessions as entries.
public struct InsightsRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    private var sql: SQLDatabase { db as! SQLDatabase }

    /// Modes where a human judged (the same list as `SessionMode.isHumanObserved`).
    private static let humanModes = SessionMode.allCases.filter(\.isHumanObserved).map(\.rawValue)

    public func input(type: InterviewType, window: InsightsWindow, now: Date, timeZone: TimeZone,
                      recentLimit: Int = InsightsReport.Settings().recentLimit, readinessSessions: Int = 3,
                      weeks: Int = 8) async throws -> InsightsReport.Input {
        let reader = EntryAssembler(db: db)
        let since = window.since(now: now)
        let stamps = try await cadenceStamps(since: Cadence.since(now: now, timeZone: timeZone, weeks: weeks))
        if case .sessions(let n) = window {
            // A handful of sessions: read them whole and reduce in memory.
            let entries = try await reader.entries(latest(reader, type: type, limit: n)).reversed() as [LogEntry]
            return InsightsReport.Input(type: type, window: window, aggregate: .from(entries), recent: entries,
                                        lastQualifying: entries.filter(WindowAggregate.qualifies).suffix(readinessSessions).compactMap(\.averageScore),
                                        stamps: stamps, now: now, timeZone: timeZone)
        }
        var aggregate = try await sessionCounts(type: type, since: since)
        aggregate.tallies = try await tallies(type: type, since: since)
        var recentQuery = latest(reader, type: type, limit: recentLimit)
        if let since { recentQuery = recentQuery.where("started_at", .greaterThanOrEqual, SQLBind(since)) }
        let recent = Array(try await reader.entries(recentQuery).reversed())
        return InsightsReport.Input(type: type, window: window, aggregate: aggregate, recent: recent,
                                    lastQualifying: try await lastQualifying(type: type, since: since, limit: readinessSessions),
                                    stamps: stamps, now: now, timeZone: timeZone)
    }

    private func latest(_ reader: EntryAssembler, type: InterviewType, limit: Int) -> SQLSelectBuilder {
        reader.sessionsQuery(userID: userID).where("type", .equal, SQLBind(type.rawValue))
            .orderBy("started_at", .descending).orderBy("id", .descending).limit(limit)
    }

    private struct CountsRow: Decodable {
        var n, rated, mediumHard, repeats, wentEasy, ai, scored, qualifying: Int?
        enum CodingKeys: String, CodingKey {
            case n, rated, mediumHard = "medium_hard", repeats, wentEasy = "went_easy", ai, scored, qualifying
        }
    }

    /// Session-level counts of the window, in one pass over the user's sessions of the type.
    private func sessionCounts(type: InterviewType, since: Date?) async throws -> WindowAggregate {
        let human = SQLGroupExpression(SQLList(Self.humanModes.map { SQLBind($0) }))
        let scored = SQLQueryString("EXISTS (SELECT 1 FROM scores x WHERE x.session_id = s.id AND x.scorer = 'interviewer')")
        var query = sql.select()
            .column(SQLQueryString("COUNT(*)"), as: "n")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.difficulty IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)"), as: "rated")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.difficulty IN ('medium', 'hard') THEN 1 ELSE 0 END) AS BIGINT)"), as: "medium_hard")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.is_repeat THEN 1 ELSE 0 END) AS BIGINT)"), as: "repeats")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.went_easy THEN 1 ELSE 0 END) AS BIGINT)"), as: "went_easy")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.mode = 'ai' THEN 1 ELSE 0 END) AS BIGINT)"), as: "ai")
            .column(SQLQueryString("CAST(SUM(CASE WHEN \(scored) THEN 1 ELSE 0 END) AS BIGINT)"), as: "scored")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.mode IN \(human) AND s.status = 'completed' AND (s.difficulty IS NULL OR s.difficulty <> 'easy') AND \(scored) THEN 1 ELSE 0 END) AS BIGINT)"), as: "qualifying")
            .from(SQLAlias(SQLIdentifier("sessions"), as: SQLIdentifier("s")))
            .where(SQLColumn("user_id", table: "s"), .equal, SQLBind(userID))
            .where(SQLColumn("type", table: "s"), .equal, SQLBind(type.rawValue))
        if let since { query = query.where(SQLColumn("started_at", table: "s"), .greaterThanOrEqual, SQLBind(since)) }
        let row = try await query.first(decoding: CountsRow.self)
        var a = WindowAggregate()
        a.sessions = row?.n ?? 0
        a.withDifficulty = row?.rated ?? 0
        a.mediumHard = row?.mediumHard ?? 0
        a.repeats = row?.repeats ?? 0
        a.wentEasy = row?.wentEasy ?? 0
        a.aiSessions = row?.ai ?? 0
        a.scoredSessions = row?.scored ?? 0
        a.qualifying = row?.qualifying ?? 0
        return a
    }

    private struct TallyRow: Decodable {
        var dimension: String
        var n, total, ones, aiN, aiTotal, humanN, humanTotal, selfN, selfGap: Int?
        enum CodingKeys: String, CodingKey {
            case dimension, n, total, ones, aiN = "ai_n", aiTotal = "ai_total", humanN = "human_n", humanTotal = "human_total",
                 selfN = "self_n", selfGap = "self_gap"
        }
    }

    /// PostgreSQL sums BIGINT columns as NUMERIC: every SUM is cast back to BIGINT.
    /// Per-dimension interviewer-score sums, split AI / human, with the self-score gap.
    private func tallies(type: InterviewType, since: Date?) async throws -> [String: WindowAggregate.Tally] {
        let human = SQLGroupExpression(SQLList(Self.humanModes.map { SQLBind($0) }))
        var query = sql.select()
            .column(SQLColumn("dimension", table: "i"))
            .column(SQLQueryString("COUNT(*)"), as: "n")
            .column(SQLQueryString("CAST(SUM(i.score) AS BIGINT)"), as: "total")
            .column(SQLQueryString("CAST(SUM(CASE WHEN i.score = 1 THEN 1 ELSE 0 END) AS BIGINT)"), as: "ones")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.mode = 'ai' THEN 1 ELSE 0 END) AS BIGINT)"), as: "ai_n")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.mode = 'ai' THEN i.score ELSE 0 END) AS BIGINT)"), as: "ai_total")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.mode IN \(human) THEN 1 ELSE 0 END) AS BIGINT)"), as: "human_n")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.mode IN \(human) THEN i.score ELSE 0 END) AS BIGINT)"), as: "human_total")
            .column(SQLQueryString("COUNT(m.score)"), as: "self_n")
            .column(SQLQueryString("CAST(SUM(CASE WHEN m.score IS NULL THEN 0 ELSE m.score - i.score END) AS BIGINT)"), as: "self_gap")
            .from(SQLAlias(SQLIdentifier("scores"), as: SQLIdentifier("i")))
            .join(SQLAlias(SQLIdentifier("sessions"), as: SQLIdentifier("s")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "s"), .equal, SQLColumn("session_id", table: "i"))
            .join(SQLAlias(SQLIdentifier("scores"), as: SQLIdentifier("m")), method: SQLJoinMethod.left,
                  on: SQLQueryString("m.session_id = i.session_id AND m.dimension = i.dimension AND m.scorer = 'self'"))
            .where(SQLColumn("scorer", table: "i"), .equal, SQLLiteral.string("interviewer"))
            .where(SQLColumn("user_id", table: "s"), .equal, SQLBind(userID))
            .where(SQLColumn("type", table: "s"), .equal, SQLBind(type.rawValue))
        if let since { query = query.where(SQLColumn("started_at", table: "s"), .greaterThanOrEqual, SQLBind(since)) }
        let rows = try await query.groupBy(SQLColumn("dimension", table: "i")).all(decoding: TallyRow.self)
        var out: [String: WindowAggregate.Tally] = [:]
        for r in rows {
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
            out[r.dimension] = t
        }
        return out
    }

    private struct AverageRow: Decodable { var average: Double? }

    /// Average interviewer score of the most recent qualifying sessions, oldest first.
    private func lastQualifying(type: InterviewType, since: Date?, limit: Int) async throws -> [Double] {
        let human = SQLGroupExpression(SQLList(Self.humanModes.map { SQLBind($0) }))
        var query = sql.select()
            .column(SQLQueryString("AVG(CAST(i.score AS DOUBLE PRECISION))"), as: "average")
            .from(SQLAlias(SQLIdentifier("sessions"), as: SQLIdentifier("s")))
            .join(SQLAlias(SQLIdentifier("scores"), as: SQLIdentifier("i")), method: SQLJoinMethod.inner,
                  on: SQLQueryString("i.session_id = s.id AND i.scorer = 'interviewer'"))
            .where(SQLColumn("user_id", table: "s"), .equal, SQLBind(userID))
            .where(SQLColumn("type", table: "s"), .equal, SQLBind(type.rawValue))
            .where(SQLQueryString("s.mode IN \(human) AND s.status = 'completed' AND (s.difficulty IS NULL OR s.difficulty <> 'easy')"))
        if let since { query = query.where(SQLColumn("started_at", table: "s"), .greaterThanOrEqual, SQLBind(since)) }
        let rows = try await query.groupBy(SQLColumn("id", table: "s")).groupBy(SQLColumn("started_at", table: "s"))
            .orderBy(SQLOrderBy(expression: SQLColumn("started_at", table: "s"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "s"), direction: SQLDirection.descending))
            .limit(limit).all(decoding: AverageRow.self)
        return Array(rows.compactMap { $0.average }.reversed())
    }

    private struct StampRow: Decodable {
        var startedAt: Date
        var mode, status: String
        enum CodingKeys: String, CodingKey { case startedAt = "started_at", mode, status }
    }

    /// When each session of any type since `since` happened, and who observed it.
    private func cadenceStamps(since: Date) async throws -> [Cadence.Stamp] {
        try await sql.select().columns("started_at", "mode", "status").from("sessions")
            .where("user_id", .equal, SQLBind(userID)).where("started_at", .greaterThanOrEqual, SQLBind(since))
            .all(decoding: StampRow.self)
            .map { Cadence.Stamp(date: $0.startedAt, mode: SessionMode(rawValue: $0.mode) ?? .solo, status: SessionStatus(rawValue: $0.status) ?? .planned) }
    }
}
