import Fluent
import Foundation
import MockLoopCore

/// Writes a whole log entry (session, scores, retro) inside the caller's transaction:
/// the one place a session row is built, for new sessions and imported ones alike.
struct SessionWriter {
    let db: Database
    let userID: UUID

    @discardableResult
    func insert(_ entry: LogEntry, importKey: String?) async throws -> SessionModel {
        let s = SessionModel()
        s.id = entry.id
        s.userID = userID
        s.type = entry.type.rawValue
        s.mode = entry.mode.rawValue
        s.status = entry.status.rawValue
        s.rubricID = entry.rubricId
        s.questionID = entry.questionId
        s.questionTitle = entry.questionTitle
        s.interviewer = entry.interviewer
        s.company = entry.company
        s.tier = entry.tier?.rawValue
        s.level = entry.level?.rawValue
        s.difficulty = entry.difficulty?.rawValue
        s.startedAt = entry.date
        s.isRepeat = entry.isRepeat
        s.notes = entry.notes
        s.importKey = importKey ?? "id:" + entry.id.uuidString.lowercased()
        apply(entry.scores, to: s)
        s.searchText = Self.searchText(entry)
        try await s.create(on: db)
        try await insertScores(entry.scores, sessionID: entry.id)
        if let retro = entry.retro { try await insertRetro(retro, sessionID: entry.id) }
        return s
    }

    /// Replaces the session's scores with `sheet` and marks it completed (inside the caller's
    /// transaction), keeping the insight roll-ups in step.
    func score(_ s: SessionModel, sheet: ScoreSheet, now: Date) async throws {
        let id = try s.requireID()
        try await ScoreModel.query(on: db).filter(\.$sessionID == id).delete()
        apply(sheet, to: s)
        s.status = SessionStatus.completed.rawValue
        s.finishedAt = now
        try await s.update(on: db)
        try await insertScores(sheet, sessionID: id)
        try await InsightRollup(db: db, userID: userID).refresh(
            type: InterviewType(rawValue: s.type) ?? .coding,
            days: [InsightRollup.day(s.startedAt)])
    }

    func apply(_ sheet: ScoreSheet, to s: SessionModel) {
        s.durationMinutes = sheet.durationMinutes
        s.hintsUsed = sheet.hintsUsed
        s.pauses = sheet.pauses
        s.confidence = sheet.confidence
        s.wentEasy = sheet.wentEasy
    }

    func insertScores(_ sheet: ScoreSheet, sessionID: UUID) async throws {
        var rows = sheet.interviewerScores.sorted { $0.key < $1.key }.map {
            ScoreModel(sessionID: sessionID, dimension: $0.key, scorer: "interviewer", score: $0.value.score, note: $0.value.note)
        }
        rows += sheet.selfScores.sorted { $0.key < $1.key }.map {
            ScoreModel(sessionID: sessionID, dimension: $0.key, scorer: "self", score: $0.value)
        }
        if !rows.isEmpty { try await rows.create(on: db) }
    }

    func insertRetro(_ retro: Retrospective, sessionID: UUID) async throws {
        let r = RetroModel()
        r.sessionID = sessionID
        r.userID = userID
        r.wentWell = retro.wentWell
        r.wentWrong = retro.wentWrong
        r.fixDimension = retro.priorityFix.dimension
        r.fixText = retro.priorityFix.text
        r.drill = retro.drill.text
        r.drillDone = retro.drill.done
        r.drillDoneAt = retro.drill.done ? Date() : nil
        try await r.create(on: db)
    }

    /// What log search looks in, lowercased once at write time.
    static func searchText(_ e: LogEntry) -> String {
        [e.questionTitle, e.interviewer, e.company, e.notes, e.retro?.priorityFix.text, e.retro?.drill.text]
            .compactMap { $0 }.joined(separator: " \u{1F} ").lowercased()
    }
}
