import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Reads log entries: session rows plus their scores and retros, fetched in bulk (IN … for a
/// page, a join for a whole user), never one query per row. Rows are decoded with SQLKit into
/// plain structs: the log is the hottest read path and model hydration would dominate it.
struct EntryAssembler {
    let db: Database
    var sql: SQLDatabase { db as! SQLDatabase }

    static let sessionColumns = [
        "id", "user_id", "type", "mode", "status", "rubric_id", "question_id", "question_title", "interviewer",
        "company", "tier", "level", "difficulty", "started_at", "duration_minutes", "hints_used", "pauses",
        "confidence", "went_easy", "is_repeat", "notes",
    ]

    struct SessionRow: Decodable {
        var id: UUID
        var type, mode, status, rubricId: String
        var questionId, questionTitle, interviewer, company, tier, level, difficulty, notes: String?
        var startedAt: Date
        var durationMinutes, confidence: Int?
        var hintsUsed, pauses: Int
        var wentEasy, isRepeat: Bool

        // Explicit keys: a per-row snake-case conversion would cost more than the decoding itself.
        enum CodingKeys: String, CodingKey {
            case id, type, mode, status, notes, interviewer, company, tier, level, difficulty, pauses, confidence
            case rubricId = "rubric_id"
            case questionId = "question_id"
            case questionTitle = "question_title"
            case startedAt = "started_at"
            case durationMinutes = "duration_minutes"
            case hintsUsed = "hints_used"
            case wentEasy = "went_easy"
            case isRepeat = "is_repeat"
        }
    }

    struct ScoreRow: Decodable {
        var sessionId: UUID
        var dimension, scorer: String
        var score: Int
        var note: String?

        enum CodingKeys: String, CodingKey {
            case sessionId = "session_id"
            case dimension, scorer, score, note
        }
    }

    struct RetroRow: Decodable {
        var sessionId: UUID
        var wentWell, wentWrong, fixDimension, fixText, drill: String
        var drillDone: Bool

        enum CodingKeys: String, CodingKey {
            case sessionId = "session_id"
            case wentWell = "went_well"
            case wentWrong = "went_wrong"
            case fixDimension = "fix_dimension"
            case fixText = "fix_text"
            case drill
            case drillDone = "drill_done"
        }
    }

    /// A SELECT of session columns for one user, for the caller to filter, sort and page.
    func sessionsQuery(userID: UUID) -> SQLSelectBuilder {
        sql.select().columns(Self.sessionColumns.map { SQLColumn($0) }).from("sessions")
            .where("user_id", .equal, SQLBind(userID))
    }

    func entries(_ query: SQLSelectBuilder) async throws -> [LogEntry] {
        let sessions = try await query.all(decoding: SessionRow.self)
        let ids = sessions.map(\.id)
        var scores: [ScoreRow] = []
        var retros: [RetroRow] = []
        // Chunks keep the bind count under SQLite's limit however large the page.
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(start + 500, ids.count)].map { SQLBind($0) }
            scores += try await sql.select().columns("session_id", "dimension", "scorer", "score", "note").from("scores")
                .where("session_id", .in, SQLGroupExpression(chunk)).all(decoding: ScoreRow.self)
            retros += try await retroSelect().where("session_id", .in, SQLGroupExpression(chunk))
                .all(decoding: RetroRow.self)
        }
        return assemble(sessions, scores: scores, retros: retros)
    }

    func entry(id: UUID, userID: UUID) async throws -> LogEntry? {
        try await entries(sessionsQuery(userID: userID).where("id", .equal, SQLBind(id))).first
    }

    /// Every entry of a user, oldest first: three queries however many sessions.
    func allEntries(userID: UUID) async throws -> [LogEntry] {
        let sessions = try await sessionsQuery(userID: userID).orderBy("started_at").orderBy("id")
            .all(decoding: SessionRow.self)
        let scores = try await sql.select()
            .columns(
                SQLColumn("session_id", table: "scores"), SQLColumn("dimension", table: "scores"), SQLColumn("scorer", table: "scores"),
                SQLColumn("score", table: "scores"), SQLColumn("note", table: "scores")
            )
            .from("scores").join("sessions", on: SQLColumn("session_id", table: "scores"), .equal, SQLColumn("id", table: "sessions"))
            .where(SQLColumn("user_id", table: "sessions"), .equal, SQLBind(userID))
            .all(decoding: ScoreRow.self)
        let retros = try await retroSelect().where("user_id", .equal, SQLBind(userID))
            .all(decoding: RetroRow.self)
        return assemble(sessions, scores: scores, retros: retros)
    }

    private func retroSelect() -> SQLSelectBuilder {
        sql.select().columns("session_id", "went_well", "went_wrong", "fix_dimension", "fix_text", "drill", "drill_done").from("retros")
    }

    func assemble(_ sessions: [SessionRow], scores: [ScoreRow], retros: [RetroRow]) -> [LogEntry] {
        let scoresBySession = Dictionary(grouping: scores, by: \.sessionId)
        let retroBySession = Dictionary(retros.map { ($0.sessionId, $0) }, uniquingKeysWith: { a, _ in a })
        return sessions.map { s in
            var sheet = ScoreSheet(
                confidence: s.confidence, durationMinutes: s.durationMinutes, hintsUsed: s.hintsUsed,
                pauses: s.pauses, wentEasy: s.wentEasy)
            for score in scoresBySession[s.id] ?? [] {
                if score.scorer == "self" {
                    sheet.selfScores[score.dimension] = score.score
                } else {
                    sheet.interviewerScores[score.dimension] = DimensionScore(score: score.score, note: score.note)
                }
            }
            return LogEntry(
                id: s.id, date: s.startedAt, type: InterviewType(rawValue: s.type) ?? .coding,
                mode: SessionMode(rawValue: s.mode) ?? .solo, status: SessionStatus(rawValue: s.status) ?? .planned,
                interviewer: s.interviewer, questionId: s.questionId, questionTitle: s.questionTitle, rubricId: s.rubricId,
                difficulty: s.difficulty.flatMap(Difficulty.init), company: s.company, tier: s.tier.flatMap(CompanyTier.init),
                level: s.level.flatMap(Level.init), scores: sheet, isRepeat: s.isRepeat, notes: s.notes,
                retro: retroBySession[s.id].map { r in
                    Retrospective(
                        wentWell: r.wentWell, wentWrong: r.wentWrong,
                        priorityFix: PriorityFix(dimension: r.fixDimension, text: r.fixText),
                        drill: Drill(text: r.drill, done: r.drillDone))
                })
        }
    }
}
