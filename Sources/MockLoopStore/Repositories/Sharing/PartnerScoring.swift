import Fluent
import Foundation
import MockLoopCore

extension SessionRepository {
    /// Records the scores a partner gave through the partner kit as the session's interviewer
    /// scores, with their feedback, once: the first human scoring stands, and a second is refused
    /// until the owner reopens scoring. The candidate's self-scores and the rest are kept.
    public func recordPartnerScores(
        _ id: UUID, scores: [String: DimensionScore], feedback: PartnerFeedback, now: Date = Date()
    ) async throws -> LogEntry {
        let s = try await model(id)
        let rubric = try await RubricRepository(db: db, userID: userID).find(s.rubricID).rubric
        var problems = FieldProblems()
        for d in rubric.dimensions where scores[d.key] == nil { problems.add("score_\(d.key)", "score \(d.name) 1, 2 or 3") }
        do { try ScoreSheet(interviewerScores: scores).validate(against: rubric) } catch let e as MockLoopError {
            for (field, problem) in e.fields { problems.add(field.replacingOccurrences(of: "interviewerScores.", with: "score_"), problem) }
        }
        do { try feedback.validate() } catch let e as MockLoopError { for (f, p) in e.fields { problems.add(f, p) } }
        try problems.check()
        let userID = userID
        do {
            try await db.transaction { db in
                if try await ScoreModel.query(on: db).filter(\.$sessionID == id).filter(\.$scorer == "interviewer").count() > 0 {
                    throw Self.alreadyScored
                }
                try await scores.sorted { $0.key < $1.key }.map {
                    ScoreModel(sessionID: id, dimension: $0.key, scorer: "interviewer", score: $0.value.score, note: $0.value.note.nonEmpty)
                }.create(on: db)
                let f = PartnerFeedbackModel()
                f.sessionID = id
                f.userID = userID
                f.name = feedback.name.trimmingCharacters(in: .whitespacesAndNewlines)
                f.stronger = feedback.stronger
                f.communication = feedback.communication
                f.concerns = feedback.concerns
                f.createdAt = now
                try await f.create(on: db)
                if s.interviewer.nonEmpty == nil { s.interviewer = f.name }
                if s.status != SessionStatus.completed.rawValue {
                    s.status = SessionStatus.completed.rawValue
                    s.finishedAt = now
                }
                try await s.update(on: db)
                try await InsightRollup(db: db, userID: userID).refresh(
                    type: InterviewType(rawValue: s.type) ?? .coding, days: [InsightRollup.day(s.startedAt)])
            }
        } catch let e as DatabaseError where e.isConstraintFailure {
            throw Self.alreadyScored  // two partners sent at the same moment: the first stands
        }
        return try await find(id)
    }

    static let alreadyScored = MockLoopError(
        .conflict, "This session has its interviewer scores already. The first scoring stands until its owner reopens scoring.")

    /// Removes the interviewer scores and the partner's feedback so a partner can score again.
    public func reopenScoring(_ id: UUID) async throws {
        let s = try await model(id)
        let userID = userID
        try await db.transaction { db in
            try await ScoreModel.query(on: db).filter(\.$sessionID == id).filter(\.$scorer == "interviewer").delete()
            try await PartnerFeedbackModel.query(on: db).filter(\.$sessionID == id).delete()
            try await InsightRollup(db: db, userID: userID).refresh(
                type: InterviewType(rawValue: s.type) ?? .coding, days: [InsightRollup.day(s.startedAt)])
        }
    }

    /// The partner's feedback on a session, if any.
    public func partnerFeedback(_ id: UUID) async throws -> PartnerFeedbackModel? {
        _ = try await model(id)
        return try await PartnerFeedbackModel.query(on: db).filter(\.$sessionID == id).first()
    }

    /// True when the session has interviewer scores (from a form, a partner, or an import).
    public func hasInterviewerScores(_ id: UUID) async throws -> Bool {
        try await ScoreModel.query(on: db).filter(\.$sessionID == id).filter(\.$scorer == "interviewer").count() > 0
    }
}
