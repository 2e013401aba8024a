import Fluent
import Foundation
import MockLoopCore

/// Turns session rows plus their scores and retros into log entries. Scores and retros are
/// fetched in bulk for a page (IN …) or for a whole user (join), never one query per row.
struct EntryAssembler {
    let db: Database

    func entries(_ sessions: [SessionModel]) async throws -> [LogEntry] {
        let ids = sessions.compactMap(\.id)
        var scores: [ScoreModel] = []
        var retros: [RetroModel] = []
        // Chunks keep the bind count under SQLite's limit however large the page.
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            scores += try await ScoreModel.query(on: db).filter(\.$sessionID ~~ chunk).all()
            retros += try await RetroModel.query(on: db).filter(\.$sessionID ~~ chunk).all()
        }
        return assemble(sessions, scores: scores, retros: retros)
    }

    /// Every entry of a user, for export: three queries however many sessions.
    func allEntries(userID: UUID) async throws -> [LogEntry] {
        let sessions = try await SessionModel.query(on: db).filter(\.$userID == userID).sort(\.$startedAt).all()
        let scores = try await ScoreModel.query(on: db)
            .join(SessionModel.self, on: \ScoreModel.$sessionID == \SessionModel.$id)
            .filter(SessionModel.self, \.$userID == userID).all()
        let retros = try await RetroModel.query(on: db).filter(\.$userID == userID).all()
        return assemble(sessions, scores: scores, retros: retros)
    }

    func assemble(_ sessions: [SessionModel], scores: [ScoreModel], retros: [RetroModel]) -> [LogEntry] {
        let scoresBySession = Dictionary(grouping: scores, by: \.sessionID)
        let retroBySession = Dictionary(retros.map { ($0.sessionID, $0) }, uniquingKeysWith: { a, _ in a })
        return sessions.map { s in
            var sheet = ScoreSheet(confidence: s.confidence, durationMinutes: s.durationMinutes, hintsUsed: s.hintsUsed,
                                   pauses: s.pauses, wentEasy: s.wentEasy)
            for score in scoresBySession[s.id!] ?? [] {
                if score.scorer == "self" { sheet.selfScores[score.dimension] = score.score }
                else { sheet.interviewerScores[score.dimension] = DimensionScore(score: score.score, note: score.note) }
            }
            return LogEntry(
                id: s.id!, date: s.startedAt, type: InterviewType(rawValue: s.type) ?? .coding,
                mode: SessionMode(rawValue: s.mode) ?? .solo, status: SessionStatus(rawValue: s.status) ?? .planned,
                interviewer: s.interviewer, questionId: s.questionID, questionTitle: s.questionTitle, rubricId: s.rubricID,
                difficulty: s.difficulty.flatMap(Difficulty.init), company: s.company, tier: s.tier.flatMap(CompanyTier.init),
                level: s.level.flatMap(Level.init), scores: sheet, isRepeat: s.isRepeat, notes: s.notes,
                retro: retroBySession[s.id!].map(Self.retro))
        }
    }

    static func retro(_ r: RetroModel) -> Retrospective {
        Retrospective(wentWell: r.wentWell, wentWrong: r.wentWrong,
                      priorityFix: PriorityFix(dimension: r.fixDimension, text: r.fixText),
                      drill: Drill(text: r.drill, done: r.drillDone))
    }
}
