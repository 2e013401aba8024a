import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// The partner kit of one planned session, as the partner sees it through its link: the
/// question with its follow-ups, hints and key points (for the interviewer's eyes), the rubric,
/// and the scoring form, whose scores become the session's interviewer scores once.
struct PartnerKit {
    let req: Request
    let link: ShareLinkModel
    let token: String

    var sessions: SessionRepository { SessionRepository(db: req.db, userID: link.userID) }

    func render(
        status: HTTPResponseStatus, thanks: Bool, form: [String: String] = [:], errors: [String: String] = [:]
    ) async throws
        -> Response
    {
        guard let id = UUID(uuidString: link.subject) else { throw MockLoopError.notFound("page") }
        let entry = try await sessions.find(id)
        let rubric = try await sessions.rubric(of: entry)
        let question =
            try await entry.questionId.asyncMap { try? await QuestionRepository(db: req.db, userID: link.userID).find($0).question }
            ?? nil
        let owner = try await AccountRepository(db: req.db).find(id: link.userID)?.name ?? "your partner"
        let page = PartnerKitPage(
            owner: owner, type: entry.type.label, questionTitle: question?.title ?? entry.questionTitle, prompt: question?.prompt,
            followUps: question?.followUps ?? [], hints: question?.hints ?? [], keyPoints: question?.keyPoints ?? [],
            rubricName: rubric.name,
            dimensions: rubric.dimensions.map {
                .init(
                    key: $0.key, name: $0.name, question: $0.question, score1: $0.score1, score2: $0.score2, score3: $0.score3,
                    chosen: Int(form["score_" + $0.key] ?? "") ?? 0, note: form["note_" + $0.key] ?? "")
            }, token: token,
            questions: PartnerFeedback.questions.map { FeedbackQuestion(field: $0.0, text: $0.1, answer: form[$0.0] ?? "") },
            name: form["name"] ?? "", errors: errors, scored: try await sessions.hasInterviewerScores(id), thanks: thanks)
        return try await req.view.render("shared-kit", page).encodeResponse(status: status, for: req)
    }

    func submit() async throws -> Response {
        guard let id = UUID(uuidString: link.subject) else { throw MockLoopError.notFound("page") }
        let form = try req.content.decode([String: String].self)
        let rubric = try await sessions.rubric(of: try await sessions.find(id))
        var scores: [String: DimensionScore] = [:]
        for d in rubric.dimensions {
            if let raw = form["score_" + d.key], let n = Int(raw) { scores[d.key] = DimensionScore(score: n, note: form["note_" + d.key]) }
        }
        let feedback = PartnerFeedback(
            name: form["name"] ?? "", stronger: form["stronger"] ?? "", communication: form["communication"] ?? "",
            concerns: form["concerns"] ?? "")
        do {
            _ = try await sessions.recordPartnerScores(id, scores: scores, feedback: feedback)
            return req.redirect("/shared/\(token)?thanks=1")
        } catch let e as MockLoopError where e.kind == .invalid || e.kind == .conflict {
            let errors = e.kind == .conflict ? ["form": e.message] : e.fields
            return try await render(
                status: e.kind == .conflict ? .conflict : .unprocessableEntity, thanks: false, form: form, errors: errors)
        }
    }
}
