import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopStore

extension PracticeService {
    /// The view of a loaded session: question, rubric, the last fix to watch, the clock and result.
    func view(_ loaded: PracticeRepository.Loaded, now: Date) async throws -> PracticeView {
        let state = loaded.state
        let context = try await context(state)
        let question = try context.question(state.questionId)
        let rubric = context.rubric
        let watch = context.watch
        let hintsGiven = state.promptTurns.filter { $0.kind == .hint }.count
        let result = try loaded.feedback.map { try JSONDecoder().decode(PracticeFeedback.self, from: Data($0.utf8)) }
        return PracticeView(
            id: state.sessionId, status: state.status, type: state.type, minutes: state.minutes, seed: state.seed,
            clock: .init(
                elapsedSeconds: state.clock(at: now), remainingSeconds: state.status.isOver ? 0 : state.remaining(at: now),
                totalSeconds: state.totalSeconds, paused: state.status == .paused),
            phase: state.phase, phaseIndex: state.phaseIndex, phases: state.phases, nudge: PracticeView.nudge(state, at: now),
            question: .init(
                id: question.id, title: question.title, prompt: question.prompt, difficulty: question.difficulty,
                hasTests: question.tests != nil),
            promptIndex: state.promptIndex, prompts: state.questionIds.count, turns: state.turns,
            hintsUsed: state.hintsUsed, hintsLeft: max(0, question.hints.count - hintsGiven), pauses: state.pauses.count,
            skips: state.skips,
            code: state.code, language: state.language,
            starters: Dictionary(
                uniqueKeysWithValues: Language.allCases.compactMap { l in
                    StarterCode(question: question, language: l).map { (l.rawValue, $0.text) }
                }),
            runs: state.runs, rubricId: rubric.id,
            rubric: rubric.dimensions.map { .init(key: $0.key, name: $0.name, question: $0.question, score3: $0.score3) },
            checklist: PracticeView.checklist(for: state.type), watch: watch, voice: voice.name, revision: loaded.revision, result: result)
    }
}
