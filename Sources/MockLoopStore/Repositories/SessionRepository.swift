import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Sessions of one user: plan, start, score, and read back.
public struct SessionRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// Creates a session with its rubric fixed up front. With scores (and a retro) it logs a
    /// finished session in one transaction.
    public func create(_ plan: SessionPlan, now: Date = Date()) async throws -> LogEntry {
        let final = try await entry(for: plan, now: now)
        try await db.transaction { db in
            try await SessionWriter(db: db, userID: userID).insert(final, importKey: nil)
            try await InsightRollup(db: db, userID: userID).refresh(type: final.type, days: [InsightRollup.day(final.date)])
        }
        return final
    }

    /// The log entry a plan describes, checked against its rubric and question; nothing written.
    func entry(for plan: SessionPlan, now: Date) async throws -> LogEntry {
        try plan.validate()
        let rubric = try await resolveRubric(plan.rubricId, type: plan.type)
        var entry = LogEntry(
            id: UUID(), date: plan.date ?? now, type: plan.type, mode: plan.mode, status: .planned,
            interviewer: plan.interviewer.nonEmpty, questionTitle: plan.questionTitle.nonEmpty,
            rubricId: rubric.id, difficulty: plan.difficulty, company: plan.company.nonEmpty,
            tier: plan.tier, level: plan.level, notes: plan.notes.nonEmpty)
        if let qid = plan.questionId.nonEmpty {
            let questions = QuestionRepository(db: db, userID: userID)
            guard let found = try? await questions.find(qid) else { throw MockLoopError.invalid("questionId", "no question '\(qid)'") }
            guard found.question.type == plan.type else {
                throw MockLoopError.invalid(
                    "questionId", "'\(qid)' is a \(found.question.type.rawValue) question, not \(plan.type.rawValue)")
            }
            entry.questionId = qid
            entry.questionTitle = found.question.title
            entry.difficulty = plan.difficulty ?? found.question.difficulty
            entry.isRepeat = try await questions.seenIDs().contains(qid)
        }
        if let sheet = plan.scores {
            try sheet.validate(against: rubric)
            entry.scores = sheet
            entry.status = .completed
            entry.retro = try plan.retro?.validated(against: rubric)
        }
        return entry
    }

    public func find(_ id: UUID) async throws -> LogEntry {
        guard let entry = try await EntryAssembler(db: db).entry(id: id, userID: userID) else {
            throw MockLoopError.notFound("session \(id.uuidString.lowercased())")
        }
        return entry
    }

    public func rubric(of entry: LogEntry) async throws -> Rubric {
        try await RubricRepository(db: db, userID: userID).find(entry.rubricId).rubric
    }

    /// The clock starts: the log's date becomes the real start time.
    public func start(_ id: UUID, now: Date = Date()) async throws -> LogEntry {
        let s = try await model(id)
        guard s.status == SessionStatus.planned.rawValue else { throw MockLoopError(.conflict, "this session has already started") }
        let planned = s.startedAt
        s.status = SessionStatus.started.rawValue
        s.startedAt = now
        try await db.transaction { db in
            try await s.update(on: db)
            // The session moves from its planned day to today: both days change.
            try await InsightRollup(db: db, userID: userID).refresh(
                type: InterviewType(rawValue: s.type) ?? .coding,
                days: [InsightRollup.day(planned), InsightRollup.day(now)])
        }
        return try await find(id)
    }

    /// Records the scores; scoring again replaces the earlier sheet (in one transaction).
    public func finish(_ id: UUID, sheet: ScoreSheet, now: Date = Date()) async throws -> LogEntry {
        let s = try await model(id)
        let rubric = try await RubricRepository(db: db, userID: userID).find(s.rubricID).rubric
        try sheet.validate(against: rubric)
        var sheet = sheet
        if sheet.durationMinutes == nil, s.status == SessionStatus.started.rawValue {
            let type = InterviewType(rawValue: s.type) ?? .coding
            sheet.durationMinutes = SessionClock(type: type, startedAt: s.startedAt).minutesElapsed(at: now)
        }
        let finalSheet = sheet
        try await db.transaction { db in
            try await SessionWriter(db: db, userID: userID).score(s, sheet: finalSheet, now: now)
        }
        return try await find(id)
    }

    /// The latest priority fix for this interview type, shown when the next session opens.
    public func lastFix(type: InterviewType, before: Date? = nil, excluding: UUID? = nil) async throws -> LogEntry? {
        let reader = EntryAssembler(db: db)
        var q = reader.sql.select().column(SQLColumn("id", table: "sessions"), as: "id").from("sessions")
            .join("retros", on: SQLColumn("session_id", table: "retros"), .equal, SQLColumn("id", table: "sessions"))
            .where(SQLColumn("user_id", table: "sessions"), .equal, SQLBind(userID))
            .where(SQLColumn("type", table: "sessions"), .equal, SQLBind(type.rawValue))
        if let before { q = q.where(SQLColumn("started_at", table: "sessions"), .lessThanOrEqual, SQLBind(before)) }
        if let excluding { q = q.where(SQLColumn("id", table: "sessions"), .notEqual, SQLBind(excluding)) }
        guard
            let row = try await q.orderBy(
                SQLOrderBy(expression: SQLColumn("started_at", table: "sessions"), direction: SQLDirection.descending)
            ).limit(1).first()
        else { return nil }
        return try await reader.entry(id: try row.decode(column: "id", as: UUID.self), userID: userID)
    }

    func model(_ id: UUID) async throws -> SessionModel {
        guard let s = try await SessionModel.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first() else {
            throw MockLoopError.notFound("session \(id.uuidString.lowercased())")
        }
        return s
    }

    func resolveRubric(_ id: String?, type: InterviewType) async throws -> Rubric {
        let rubrics = RubricRepository(db: db, userID: userID)
        guard let id = id.nonEmpty else { return try await rubrics.builtIn(for: type) }
        guard let found = try? await rubrics.find(id) else { throw MockLoopError.invalid("rubricId", "no rubric '\(id)'") }
        guard found.rubric.type == type else {
            throw MockLoopError.invalid("rubricId", "rubric '\(id)' is for \(found.rubric.type.rawValue), not \(type.rawValue)")
        }
        return found.rubric
    }
}
