import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

extension SessionPage {
    /// What the session page shows, as the repositories return it: the session, its rubric and
    /// question, the last priority fix of this type (the one this session should check), the
    /// attached transcript's analysis and the code runs.
    struct Source {
        var entry: LogEntry
        var rubric: Rubric
        var question: Question?
        var lastFix: LogEntry?
        var lastRubric: Rubric?
        var analysis: AnalysisReport?
        var code: CodeCard?
        /// The code a timed mock ended with, and its language.
        var mockCode: (text: String, language: Language)?
        /// What a partner answered through the partner kit.
        var partner: PartnerFeedbackModel?
        /// The live room the session was held in, once it ended.
        var room: RoomModel?

        static func load(_ id: UUID, req: Request, services: AppServices, run: CodeCard.Input? = nil) async throws -> Source {
            let user = try req.actingUser()
            let sessions = SessionRepository(db: req.db, userID: user)
            let e = try await sessions.find(id)
            let rubric = try await sessions.rubric(of: e)
            var question: Question?
            if let qid = e.questionId { question = try? await QuestionRepository(db: req.db, userID: user).find(qid).question }
            let last = try await sessions.lastFix(type: e.type, before: e.date, excluding: e.id)
            var lastRubric: Rubric?
            if let last { lastRubric = try? await sessions.rubric(of: last) }
            // A transcript that no longer parses shows no analysis.
            var analysis: AnalysisReport?
            if let t = try await TranscriptRepository(db: req.db, userID: user).find(sessionID: e.id) {
                analysis = try? AnalysisController.analyze(
                    t.text, format: t.format, kind: e.type, candidate: t.candidate, thresholds: services.config.thresholds)
            }
            var mockCode: (text: String, language: Language)?
            if let mock = try? await PracticeRepository(db: req.db, userID: user).load(id).state,
                !mock.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                mockCode = (mock.code, mock.language)
            }
            var code: CodeCard?
            if let tests = question?.tests {
                let runs = CodeRunRepository(db: req.db, userID: user)
                code = CodeCard(
                    status: services.runner.status, tests: tests, input: run, runs: try await runs.list(sessionID: id, limit: 20),
                    summary: try await runs.summary(sessionID: id))
                // The runner starts from the mock's final code, not an empty editor.
                if run == nil, let mockCode { code?.code = mockCode.text }
            }
            return Source(
                entry: e, rubric: rubric, question: question, lastFix: last, lastRubric: lastRubric, analysis: analysis, code: code,
                mockCode: mockCode, partner: try await sessions.partnerFeedback(id),
                room: try await RoomRepository(db: req.db).record(ofSession: id, candidate: user))
        }
    }

    static func rating(_ f: PartnerFeedbackModel) -> String? {
        guard let specific = f.specific, let honest = f.honest else { return nil }
        return "specific \(specific), honest \(honest)"
    }

    init(_ source: Source, now: Date = Date()) {
        let e = source.entry
        let rubric = source.rubric
        partner = source.partner.map {
            Partner(
                name: $0.name, at: AccountSection.when($0.createdAt),
                answers: zip(PartnerFeedback.questions, [$0.stronger, $0.communication, $0.concerns]).map {
                    FeedbackQuestion(field: $0.0.0, text: $0.0.1, answer: $0.1)
                },
                rating: Self.rating($0))
        }
        liveRoom = source.room.flatMap { $0.id }.map { LiveRoom(id: $0.uuidString.lowercased(), board: e.type == .systemDesign) }
        let s = e.scores
        title = "\(e.type.label) session"
        details = [
            DateText.day(e.date), e.mode.label + (e.interviewer.map { " with \($0)" } ?? ""), e.company, e.tier?.label,
            e.level?.label, e.difficulty?.label, "status: \(e.status.rawValue)",
        ].compactMap { $0 }.joined(separator: " · ")
        id = e.id.uuidString.lowercased()
        date = DateText.day(e.date)
        type = e.type.label
        mode = e.mode.label
        status = e.status.rawValue
        interviewer = e.interviewer ?? ""
        company = e.company ?? ""
        tier = e.tier?.label ?? ""
        level = e.level?.label ?? ""
        difficulty = e.difficulty?.label ?? ""
        planned = e.status == .planned
        started = e.status == .started
        completed = e.status == .completed
        isAI = e.mode == .ai
        isRepeat = e.isRepeat
        rubricID = rubric.id
        rubricName = rubric.name
        dimensions = rubric.dimensions.map { d in
            Dim(
                key: d.key, name: d.name, question: d.question, score1: d.score1, score2: d.score2, score3: d.score3,
                score: s.interviewerScores[d.key]?.score ?? 0, selfScore: s.selfScores[d.key] ?? 0,
                note: s.interviewerScores[d.key]?.note ?? "", isFix: e.retro?.priorityFix.dimension == d.key)
        }
        question = source.question.map(QuestionPage.init)
        questionTitle = e.questionTitle ?? ""
        // "Today, watch" is for the session ahead; a finished one has its own retro.
        lastFix = e.status == .completed ? nil : FixCard(source.lastFix, rubric: source.lastRubric)
        confidence = s.confidence.map(String.init) ?? ""
        duration = s.durationMinutes.map(String.init) ?? ""
        hintsUsed = String(s.hintsUsed)
        pauses = String(s.pauses)
        wentEasy = s.wentEasy
        average = e.averageScore.map { String(format: "%.1f", $0) } ?? ""
        retro = e.retro.map { r in
            Retro(
                wentWell: r.wentWell, wentWrong: r.wentWrong,
                fixDimension: rubric.dimension(r.priorityFix.dimension)?.name ?? r.priorityFix.dimension,
                fix: r.priorityFix.text, drill: r.drill.text, drillDone: r.drill.done)
        }
        analysis = source.analysis.map { AnalysisView($0, rubric: rubric) }
        code = source.code
        mockCode = source.mockCode?.text
        mockLanguage = source.mockCode?.language.rawValue
        mockLanguageLabel = source.mockCode?.language.label
        retroForm = Self.retroForm(e, rubric: rubric)
        errors = [:]
        clock = Self.clockCard(e, now: now)
        if let c = clock, duration.isEmpty { duration = String(c.minutesElapsed) }
    }
}
