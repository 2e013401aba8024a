import Foundation
import MockLoopCore
import MockLoopStore
import Vapor

/// The scorecard of a finished session, for a mentor who holds its link.
enum Scorecard {
    static func page(_ req: Request, _ link: ShareLinkModel) async throws -> ScorecardPage {
        guard let id = UUID(uuidString: link.subject) else { throw MockLoopError.notFound("page") }
        let sessions = SessionRepository(db: req.db, userID: link.userID)
        let entry = try await sessions.find(id)
        let rubric = try await sessions.rubric(of: entry)
        let owner = try await AccountRepository(db: req.db).find(id: link.userID)?.name ?? ""
        let fixName = entry.retro.flatMap { r in rubric.dimensions.first { $0.key == r.priorityFix.dimension }?.name }
        return ScorecardPage(
            owner: owner, type: entry.type.label, date: String(AccountSection.when(entry.date).prefix(10)), mode: entry.mode.label,
            questionTitle: entry.questionTitle, interviewer: entry.interviewer,
            rows: rubric.dimensions.map {
                .init(
                    name: $0.name, score: entry.scores.interviewerScores[$0.key]?.score, selfScore: entry.scores.selfScores[$0.key],
                    note: entry.scores.interviewerScores[$0.key]?.note ?? "")
            }, fix: entry.retro?.priorityFix.text, fixDimension: fixName, drill: entry.retro?.drill.text,
            wentWell: entry.retro?.wentWell, wentWrong: entry.retro?.wentWrong)
    }
}
