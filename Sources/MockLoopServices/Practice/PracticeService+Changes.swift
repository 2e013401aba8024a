import Fluent
import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopRunner
import MockLoopStore

/// How every change to a running mock is applied: one at a time per session, on the state as
/// stored, retried when another window saved first, finished when the clock has run out.
extension PracticeService {
    func activeOrConflict(_ id: UUID) async throws -> PracticeRepository.Loaded {
        let loaded = try await repo.load(id)
        guard !loaded.state.status.isOver else { throw MockLoopError(.conflict, "this practice session has already ended") }
        return loaded
    }

    /// Loads, resumes a pause (any action but pause resumes the clock), applies `change`, and
    /// saves, or finishes the mock when its time is up.
    /// `resumes: false`: a background save (the editor's) that must not end a pause.
    func mutate(
        _ id: UUID, now: Date, allowPaused: Bool = true, resumes: Bool = true,
        _ change: (inout PracticeState, Question, Double) async throws -> Void
    ) async throws -> PracticeView {
        try await retrying(id) { try await mutateOnce(id, now: now, allowPaused: allowPaused, resumes: resumes, change) }
    }

    /// Saves race (the editor's autosave against an answer, two windows): a save that lost
    /// reads the state again and redoes its change, so nothing sent is lost.
    func retrying(_ id: UUID, _ body: () async throws -> PracticeView) async throws -> PracticeView {
        try await PracticeLocks.shared.withLock(id) {
            for _ in 1..<6 {
                do { return try await body() } catch is PracticeRepository.StaleRevision { continue }
            }
            do { return try await body() } catch is PracticeRepository.StaleRevision {
                throw MockLoopError(
                    .conflict, "this practice session is being changed elsewhere (another window or terminal): reload it and go on")
            }
        }
    }

    func mutateOnce(
        _ id: UUID, now: Date, allowPaused: Bool, resumes: Bool,
        _ change: (inout PracticeState, Question, Double) async throws -> Void
    ) async throws -> PracticeView {
        var loaded = try await activeOrConflict(id)
        if loaded.state.status == .paused, resumes {
            guard allowPaused else { throw MockLoopError(.conflict, "the session is already paused") }
            if let open = loaded.state.pauses.indices.last { loaded.state.pauses[open].end = now }
            loaded.state.status = .active
        }
        let question = try await context(loaded.state).question(loaded.state.questionId)
        try await change(&loaded.state, question, loaded.state.clock(at: now))
        if loaded.state.isTimeUp(at: now) {
            loaded = try await finish(loaded, reason: "Time is up.", now: now)
        } else {
            loaded.revision = try await repo.save(loaded.state, revision: loaded.revision, now: now)
        }
        return try await view(loaded, now: now)
    }

    func say(
        _ reply: InterviewerReply, in state: inout PracticeState, question: Question, lastAnswer: String, at clock: Double
    ) async throws {
        var text = reply.text
        if [.followUp, .curveball].contains(reply.kind) { text = await voice.phrase(reply, question: question, lastAnswer: lastAnswer) }
        state.turns.append(
            PracticeTurn(speaker: .interviewer, kind: reply.kind, text: text, at: clock, phase: state.phase.key, rule: reply.rule))
        if reply.kind != .clarification { state.markProbed(reply.rule) }
        if reply.advances { try await advance(&state, question: question, at: clock) }
    }

    /// Moves a coding mock to the phase the candidate's work has reached (an approach with its
    /// complexity, code, a passing run), so the interviewer never asks about a phase they are past.
    func catchUp(_ state: inout PracticeState, question: Question, at clock: Double) {
        let target = PhaseProgress.reached(state, starter: StarterCode(question: question, language: state.language)?.text ?? "")
        while state.phaseIndex < target { state.advancePhase(at: clock) }
    }

    /// Next phase; in a behavioral mock that is the next story, which the interviewer asks.
    func advance(_ state: inout PracticeState, question: Question, at clock: Double) async throws {
        state.advancePhase(at: clock)
        guard state.type == .behavioral else { return }
        let next = try await context(state).question(state.questionId)
        let opening = interviewer.opening(next, state: state)
        state.turns.append(
            PracticeTurn(
                speaker: .interviewer, kind: opening.kind, text: opening.text, at: clock, phase: state.phase.key, rule: opening.rule))
    }
}
