import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Gathers what the insights are computed from, in a few queries however long the log is:
/// the window's counts and sums from the daily roll-ups, and only the most recent sessions as
/// entries.
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

    public func input(
        type: InterviewType, window: InsightsWindow, now: Date, timeZone: TimeZone,
        recentLimit: Int = InsightsReport.Settings().recentLimit, readinessSessions: Int = 3,
        weeks: Int = 8
    ) async throws -> InsightsReport.Input {
        let reader = EntryAssembler(db: db)
        let since = window.since(now: now)
        let stamps = try await cadenceStamps(since: Cadence.since(now: now, timeZone: timeZone, weeks: weeks))
        if case .sessions(let n) = window {
            // A handful of sessions: read them whole and reduce in memory.
            let entries = try await reader.entries(latest(reader, type: type, limit: n)).reversed() as [LogEntry]
            return InsightsReport.Input(
                type: type, window: window, aggregate: .from(entries), recent: Array(entries.suffix(recentLimit)),
                lastQualifying: entries.filter(WindowAggregate.qualifies).suffix(readinessSessions).compactMap(\.averageScore),
                stamps: stamps, now: now, timeZone: timeZone)
        }
        let aggregate = try await InsightRollup(db: db, userID: userID).aggregate(type: type, sinceDay: since.map(InsightRollup.day))
        var recentQuery = latest(reader, type: type, limit: recentLimit)
        if let since { recentQuery = recentQuery.where("started_at", .greaterThanOrEqual, SQLBind(since)) }
        let recent = Array(try await reader.entries(recentQuery).reversed())
        return InsightsReport.Input(
            type: type, window: window, aggregate: aggregate, recent: recent,
            lastQualifying: try await lastQualifying(type: type, since: since, limit: readinessSessions),
            stamps: stamps, now: now, timeZone: timeZone)
    }

    /// Recomputes every user's daily roll-ups from the sessions (after rows were written
    /// around the repositories, as bulk loads do).
    public static func rebuildRollups(_ db: Database) async throws { try await InsightRollup.rebuildAll(db) }

    private struct TargetRow: Decodable {
        var type: String
        var tier: String?
        var level: String?
    }

    /// The type and target of the user's most recent session (of `type`, when given).
    /// The user's AI-vs-human gap per dimension over all their sessions of a type, from the
    /// daily roll-ups (what the AI interviewer calibrates its scores with).
    public func aiGaps(type: InterviewType, rubric: Rubric) async throws -> [String: CalibrationGap] {
        let aggregate = try await InsightRollup(db: db, userID: userID).aggregate(type: type, sinceDay: nil)
        return Dictionary(CalibrationGap.aiVsHuman(aggregate, rubric: rubric).map { ($0.dimension, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func latestTarget(type: InterviewType?) async throws -> (type: InterviewType, tier: CompanyTier?, level: Level?)? {
        var q = sql.select().columns("type", "tier", "level").from("sessions").where("user_id", .equal, SQLBind(userID))
        if let type { q = q.where("type", .equal, SQLBind(type.rawValue)) }
        guard let row = try await q.orderBy("started_at", .descending).orderBy("id", .descending).limit(1).first(decoding: TargetRow.self),
            let found = InterviewType(rawValue: row.type)
        else { return nil }
        return (found, row.tier.flatMap(CompanyTier.init), row.level.flatMap(Level.init))
    }

    private func latest(_ reader: EntryAssembler, type: InterviewType, limit: Int) -> SQLSelectBuilder {
        reader.sessionsQuery(userID: userID).where("type", .equal, SQLBind(type.rawValue))
            .orderBy("started_at", .descending).orderBy("id", .descending).limit(limit)
    }

    /// Session-level counts of sessions of the type in [since, until), in one pass (the
    /// roll-ups are made of these, one day at a time).
    func sessionCounts(type: InterviewType, since: Date?, until: Date? = nil) async throws -> WindowAggregate {
        let human = SQLGroupExpression(SQLList(Self.humanModes.map { SQLBind($0) }))
        let scored = SQLQueryString("EXISTS (SELECT 1 FROM scores x WHERE x.session_id = s.id AND x.scorer = 'interviewer')")
        var query = sql.select()
            .column(SQLQueryString("COUNT(*)"), as: "sessions")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.difficulty IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)"), as: "rated")
            .column(
                SQLQueryString("CAST(SUM(CASE WHEN s.difficulty IN ('medium', 'hard') THEN 1 ELSE 0 END) AS BIGINT)"), as: "medium_hard"
            )
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.is_repeat THEN 1 ELSE 0 END) AS BIGINT)"), as: "repeats")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.went_easy THEN 1 ELSE 0 END) AS BIGINT)"), as: "went_easy")
            .column(SQLQueryString("CAST(SUM(CASE WHEN s.mode = 'ai' THEN 1 ELSE 0 END) AS BIGINT)"), as: "ai")
            .column(SQLQueryString("CAST(SUM(CASE WHEN \(scored) THEN 1 ELSE 0 END) AS BIGINT)"), as: "scored")
            .column(
                SQLQueryString(
                    "CAST(SUM(CASE WHEN s.mode IN \(human) AND s.status = 'completed' AND (s.difficulty IS NULL OR s.difficulty <> 'easy') AND \(scored) THEN 1 ELSE 0 END) AS BIGINT)"
                ), as: "qualifying"
            )
            .from(SQLAlias(SQLIdentifier("sessions"), as: SQLIdentifier("s")))
            .where(SQLColumn("user_id", table: "s"), .equal, SQLBind(userID))
            .where(SQLColumn("type", table: "s"), .equal, SQLBind(type.rawValue))
        if let since { query = query.where(SQLColumn("started_at", table: "s"), .greaterThanOrEqual, SQLBind(since)) }
        if let until { query = query.where(SQLColumn("started_at", table: "s"), .lessThan, SQLBind(until)) }
        return try await query.first(decoding: CountsRow.self)?.aggregate ?? WindowAggregate()
    }

    /// PostgreSQL sums BIGINT columns as NUMERIC: every SUM is cast back to BIGINT.
    /// Per-dimension interviewer-score sums, split AI / human, with the self-score gap.
    func tallies(type: InterviewType, since: Date?, until: Date? = nil) async throws -> [String: WindowAggregate.Tally] {
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
            .join(
                SQLAlias(SQLIdentifier("sessions"), as: SQLIdentifier("s")), method: SQLJoinMethod.inner,
                on: SQLColumn("id", table: "s"), .equal, SQLColumn("session_id", table: "i")
            )
            .join(
                SQLAlias(SQLIdentifier("scores"), as: SQLIdentifier("m")), method: SQLJoinMethod.left,
                on: SQLQueryString("m.session_id = i.session_id AND m.dimension = i.dimension AND m.scorer = 'self'")
            )
            .where(SQLColumn("scorer", table: "i"), .equal, SQLLiteral.string("interviewer"))
            .where(SQLColumn("user_id", table: "s"), .equal, SQLBind(userID))
            .where(SQLColumn("type", table: "s"), .equal, SQLBind(type.rawValue))
        if let since { query = query.where(SQLColumn("started_at", table: "s"), .greaterThanOrEqual, SQLBind(since)) }
        if let until { query = query.where(SQLColumn("started_at", table: "s"), .lessThan, SQLBind(until)) }
        let rows = try await query.groupBy(SQLColumn("dimension", table: "i")).all(decoding: TallyRow.self)
        return Dictionary(rows.map { ($0.dimension, $0.tally) }, uniquingKeysWith: { a, _ in a })
    }

    private struct IDRow: Decodable { var id: UUID }
    private struct AverageRow: Decodable {
        var sessionId: UUID
        var average: Double?
        enum CodingKeys: String, CodingKey {
            case sessionId = "session_id"
            case average
        }
    }

    /// Average interviewer score of the most recent qualifying sessions, oldest first: the
    /// newest few found by walking the (user, started_at) index backwards, then their scores.
    private func lastQualifying(type: InterviewType, since: Date?, limit: Int) async throws -> [Double] {
        let human = SQLGroupExpression(SQLList(Self.humanModes.map { SQLBind($0) }))
        var query = sql.select().column(SQLColumn("id", table: "s"))
            .from(SQLAlias(SQLIdentifier("sessions"), as: SQLIdentifier("s")))
            .where(SQLColumn("user_id", table: "s"), .equal, SQLBind(userID))
            .where(SQLColumn("type", table: "s"), .equal, SQLBind(type.rawValue))
            .where(SQLQueryString("s.mode IN \(human) AND s.status = 'completed' AND (s.difficulty IS NULL OR s.difficulty <> 'easy')"))
            .where(SQLQueryString("EXISTS (SELECT 1 FROM scores x WHERE x.session_id = s.id AND x.scorer = 'interviewer')"))
        if let since { query = query.where(SQLColumn("started_at", table: "s"), .greaterThanOrEqual, SQLBind(since)) }
        let ids =
            try await query
            .orderBy(SQLOrderBy(expression: SQLColumn("started_at", table: "s"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "s"), direction: SQLDirection.descending))
            .limit(limit).all(decoding: IDRow.self).map(\.id)
        guard !ids.isEmpty else { return [] }
        let rows = try await sql.select().column("session_id")
            .column(SQLQueryString("AVG(CAST(score AS DOUBLE PRECISION))"), as: "average")
            .from("scores").where("scorer", .equal, SQLLiteral.string("interviewer"))
            .where("session_id", .in, SQLGroupExpression(SQLList(ids.map { SQLBind($0) })))
            .groupBy("session_id").all(decoding: AverageRow.self)
        let averages = Dictionary(rows.map { ($0.sessionId, $0.average) }, uniquingKeysWith: { a, _ in a })
        return ids.reversed().compactMap { averages[$0] ?? nil }
    }

    private struct StampRow: Decodable {
        var startedAt: Date
        var mode, status: String
        enum CodingKeys: String, CodingKey {
            case startedAt = "started_at"
            case mode, status
        }
    }

    /// When each session of any type since `since` happened, and who observed it.
    private func cadenceStamps(since: Date) async throws -> [Cadence.Stamp] {
        try await sql.select().columns("started_at", "mode", "status").from("sessions")
            .where("user_id", .equal, SQLBind(userID)).where("started_at", .greaterThanOrEqual, SQLBind(since))
            .all(decoding: StampRow.self)
            .map {
                Cadence.Stamp(
                    date: $0.startedAt, mode: SessionMode(rawValue: $0.mode) ?? .solo,
                    status: SessionStatus(rawValue: $0.status) ?? .planned)
            }
    }
}
