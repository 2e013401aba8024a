import Fluent
import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopRunner
import MockLoopStore

/// The end of a mock: the AI result and scores into the log in one transaction.
extension PracticeService {
    /// Ends the mock: the AI result (calibrated with the user's own AI-vs-human gaps), the
    /// AI scores as the session's scores (mode ai), and the transcript, in one transaction.
    func finish(_ loaded: PracticeRepository.Loaded, reason: String?, now: Date) async throws -> PracticeRepository.Loaded {
        var state = loaded.state
        if let reason {
            state.turns.append(
                PracticeTurn(
                    speaker: .interviewer, kind: .note, text: reason, at: state.clock(at: now), phase: state.phase.key, rule: "time_up"))
        }
        let answered = state.turns.contains { $0.speaker == .candidate && $0.kind == .answer }
        state.end(answered ? .finished : .abandoned, at: now)
        let context = try await context(state)
        let rubric = context.rubric
        let gaps = try await InsightsRepository(db: db, userID: userID).aiGaps(type: state.type, rubric: rubric)
        let question = try context.question(state.questionIds[0])
        let canRun = question.tests != nil && runner?.status.available == true
        let questions = try state.questionIds.map { try context.question($0) }
        var feedback = PracticeFeedback.build(state: state, rubric: rubric, gaps: gaps, canRun: canRun, questions: questions)
        if answered, let summary = await voice.summarize(feedback, question: question) { feedback.summary = summary }
        let scores = feedback.dimensions.reduce(into: [String: DimensionScore]()) { out, d in
            if let s = d.aiScore { out[d.key] = DimensionScore(score: s, note: "AI score. " + d.reason) }
        }
        let minutes = max(1, Int((state.clock(at: now) / 60).rounded(.up)))
        let sheet = ScoreSheet(
            interviewerScores: scores, durationMinutes: minutes, hintsUsed: min(50, state.hintsUsed), pauses: min(50, state.pauses.count))
        let transcript = PracticeTranscript(state: state)
        let json = String(decoding: try JSONEncoder().encode(feedback), as: UTF8.self)
        let bare = ScoreSheet(durationMinutes: minutes, hintsUsed: sheet.hintsUsed, pauses: sheet.pauses)
        let revision = try await repo.end(
            state, revision: loaded.revision, sheet: answered && !scores.isEmpty ? sheet : bare,
            transcript: answered ? transcript.stored : nil, feedback: answered ? json : nil, now: now)
        return PracticeRepository.Loaded(state: state, revision: revision, feedback: answered ? json : nil)
    }
}
