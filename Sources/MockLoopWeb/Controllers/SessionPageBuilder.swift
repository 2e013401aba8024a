import Foundation
import MockLoopCore
import MockLoopStore
import Vapor

/// Gathers what the session page shows: the session, its rubric, its question, and the
/// last priority fix of this type (the one this session should check).
struct SessionPageBuilder {
    let req: Request

    /// The attached transcript's analysis; a transcript that no longer parses shows none.
    func analysis(of e: LogEntry, rubric: Rubric) async throws -> AnalysisView? {
        guard let t = try await TranscriptRepository(db: req.db, userID: req.userID).find(sessionID: e.id),
            let report = try? AnalysisController.analyze(t.text, format: t.format, kind: e.type, candidate: t.candidate, req: req)
        else { return nil }
        return AnalysisView(report, rubric: rubric)
    }

    /// The page after a run from its form: the result shown, the code kept in the editor.
    func render(_ id: UUID, run: RunView, code: String, language: String) async throws -> View {
        var page = try await page(id)
        page.code = try await codeCard(id, tests: page.questionTests, language: language, code: code, result: run)
        return try await req.view.render("session", page)
    }

    func codeCard(
        _ id: UUID, tests: CodeTests?, language: String? = nil, code: String = "", result: RunView? = nil
    ) async throws -> CodeCard? {
        guard let tests, let runner = req.application.storage[RunnerKey.self] else { return nil }
        let repo = CodeRunRepository(db: req.db, userID: req.userID)
        return CodeCard(
            status: runner.status, tests: tests, language: language, code: code, result: result,
            runs: try await repo.list(sessionID: id, limit: 20), summary: try await repo.summary(sessionID: id))
    }

    func page(_ id: UUID) async throws -> SessionPage {
        let sessions = SessionRepository(db: req.db, userID: req.userID)
        let e = try await sessions.find(id)
        let rubric = try await sessions.rubric(of: e)
        var question: Question?
        if let qid = e.questionId { question = try? await QuestionRepository(db: req.db, userID: req.userID).find(qid).question }
        let last = try await sessions.lastFix(type: e.type, before: e.date, excluding: e.id)
        var lastRubric: Rubric?
        if let last { lastRubric = try? await sessions.rubric(of: last) }
        let s = e.scores
        let details = [
            DateText.day(e.date), e.mode.label + (e.interviewer.map { " with \($0)" } ?? ""), e.company, e.tier?.label,
            e.level?.label, e.difficulty?.label, "status: \(e.status.rawValue)",
        ].compactMap { $0 }.joined(separator: " · ")
        return SessionPage(
            title: "\(e.type.label) session", details: details, id: e.id.uuidString.lowercased(), date: DateText.day(e.date),
            type: e.type.label,
            mode: e.mode.label, status: e.status.rawValue, interviewer: e.interviewer ?? "", company: e.company ?? "",
            tier: e.tier?.label ?? "", level: e.level?.label ?? "", difficulty: e.difficulty?.label ?? "",
            planned: e.status == .planned, started: e.status == .started, completed: e.status == .completed,
            isAI: e.mode == .ai, isRepeat: e.isRepeat, rubricID: rubric.id, rubricName: rubric.name,
            dimensions: rubric.dimensions.map { d in
                SessionPage.Dim(
                    key: d.key, name: d.name, question: d.question, score1: d.score1, score2: d.score2, score3: d.score3,
                    score: s.interviewerScores[d.key]?.score ?? 0, selfScore: s.selfScores[d.key] ?? 0,
                    note: s.interviewerScores[d.key]?.note ?? "", isFix: e.retro?.priorityFix.dimension == d.key)
            },
            question: question.map(QuestionPage.init), questionTitle: e.questionTitle ?? "",
            lastFix: FixCard(last, rubric: lastRubric),
            confidence: s.confidence.map(String.init) ?? "", duration: s.durationMinutes.map(String.init) ?? "",
            hintsUsed: String(s.hintsUsed), pauses: String(s.pauses), wentEasy: s.wentEasy,
            average: e.averageScore.map { String(format: "%.1f", $0) } ?? "",
            retro: e.retro.map { r in
                SessionPage.Retro(
                    wentWell: r.wentWell, wentWrong: r.wentWrong,
                    fixDimension: rubric.dimension(r.priorityFix.dimension)?.name ?? r.priorityFix.dimension,
                    fix: r.priorityFix.text, drill: r.drill.text, drillDone: r.drill.done)
            },
            problems: [], notice: nil, analysis: try await analysis(of: e, rubric: rubric),
            code: try await codeCard(e.id, tests: question?.tests), questionTests: question?.tests)
    }
}
