import Fluent
import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopRunner
import MockLoopStore

/// Timed AI mocks: start, answer, hint, run, pause, move on, finish or quit. One path for the
/// API, the browser page and `mockloop practice`; the state lives in the store, so any of them
/// can resume a session another one started.
public struct PracticeService {
    let db: Database
    let userID: UUID
    let runner: CodeRunner?
    let voice: InterviewerVoice
    /// Where the session's unchanging context is kept between calls; nil reads it from the
    /// store every time (the benchmark's baseline).
    let contexts: PracticeContexts?
    let interviewer = Interviewer()

    public init(db: Database, userID: UUID, runner: CodeRunner?, voice: InterviewerVoice, keepsContext: Bool = true) {
        self.db = db
        self.userID = userID
        self.runner = runner
        self.voice = voice
        self.contexts = keepsContext ? PracticeContexts.shared : nil
    }

    /// The session's questions, rubric and fix to watch.
    func context(_ state: PracticeState) async throws -> PracticeContext {
        let load = { try await PracticeContext.load(state, db: db, userID: userID) }
        guard let contexts else { return try await load() }
        return try await contexts.context(.init(user: userID, session: state.sessionId), load: load)
    }

    var repo: PracticeRepository { PracticeRepository(db: db, userID: userID) }
    var questions: QuestionRepository { QuestionRepository(db: db, userID: userID) }

    public func start(_ request: PracticeRequest.Start, now: Date = Date()) async throws -> PracticeView {
        var problems = FieldProblems()
        // Tier and level not sent at all: the user's target; sent empty: any.
        let target = try await TargetRepository(db: db, userID: userID).find()
        let parsedType = InterviewType.parse(
            request.type ?? target?.firstType(in: PhasePlan.practiceTypes).rawValue ?? "coding", field: "type", into: &problems)
        if let type = parsedType, !PhasePlan.practiceTypes.contains(type) {
            problems.add("type", "the AI interviewer runs coding, system-design and behavioral mocks (got \(type.rawValue))")
        }
        let tier =
            request.tier == nil
            ? target?.tier : request.tier.nonEmpty.flatMap { CompanyTier.parse($0, field: "tier", into: &problems) }
        let level =
            request.level == nil
            ? target?.level : request.level.nonEmpty.flatMap { Level.parse($0, field: "level", into: &problems) }
        if let m = request.minutes, !PhasePlan.minuteRange.contains(m) { problems.add("minutes", "must be 10–120 (got \(m))") }
        let parsedLanguage = Language.parse(request.language ?? "python", field: "language", into: &problems)
        let type = try problems.checked(parsedType, "type")
        let language = try problems.checked(parsedLanguage, "language")
        let minutes = request.minutes ?? PhasePlan.defaultMinutes(type)
        let seed = request.seed ?? UInt64.random(in: 0...UInt64(Int64.max))
        if seed > UInt64(Int64.max) { problems.add("seed", "must be 0 to \(Int64.max)") }
        try problems.check()
        let picked = try await pick(type, questionId: request.questionId, tier: tier, level: level, seed: seed, minutes: minutes)
        let plan = SessionPlan(type: type, mode: .ai, questionId: picked[0].id, interviewer: "MockLoop AI", tier: tier, level: level)
        var state = PracticeState(
            sessionId: UUID(), type: type, minutes: minutes, seed: seed, questionIds: picked.map(\.id),
            startedAt: now, language: language)
        let opening = interviewer.opening(picked[0], state: state)
        state.turns.append(
            PracticeTurn(speaker: .interviewer, kind: opening.kind, text: opening.text, at: 0, phase: state.phase.key, rule: opening.rule))
        let loaded = try await repo.start(plan, state: state, now: now)
        return try await view(loaded, now: now)
    }

    /// The session as it stands; a mock whose time ran out is finished here.
    public func show(_ id: UUID, now: Date = Date()) async throws -> PracticeView {
        try await retrying(id) {
            var loaded = try await repo.load(id)
            if !loaded.state.status.isOver, loaded.state.isTimeUp(at: now) {
                loaded = try await finish(loaded, reason: "Time is up.", now: now)
            }
            return try await view(loaded, now: now)
        }
    }

    public func answer(_ id: UUID, _ body: PracticeRequest.Answer, now: Date = Date()) async throws -> PracticeView {
        var problems = FieldProblems()
        let text = (body.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems.add("text", "is empty: type an answer (or use skip)") }
        if text.count > PracticeRequest.maxAnswer { problems.add("text", "is longer than \(PracticeRequest.maxAnswer) characters") }
        let parsedSource = body.source.map { PracticeTurn.Source(rawValue: $0.lowercased()) } ?? .typed
        if parsedSource == nil { problems.add("source", "must be typed or speech (got '\(body.source ?? "")')") }
        if let s = body.startedAt, s < 0 || !s.isFinite { problems.add("startedAt", "must be seconds on the session clock (got \(s))") }
        if let c = body.clientId, c.count > 100 { problems.add("clientId", "is longer than 100 characters") }
        let source = try problems.checked(parsedSource, "source")
        let clientId = body.clientId.flatMap { $0.isEmpty ? nil : $0 }
        return try await mutate(id, now: now) { state, question, clock in
            if let clientId, state.turns.contains(where: { $0.clientId == clientId }) { return }  // a resend of an answer already kept
            // Words sent are kept even if the clock ran out while they were being typed.
            state.turns.append(
                PracticeTurn(
                    speaker: .candidate, kind: .answer, text: text, at: clock,
                    startedAt: body.startedAt.map { min($0, clock) }, phase: state.phase.key, source: source, clientId: clientId,
                    coverage: AnswerCoverage.read(text, type: state.type)))
            guard !state.isTimeUp(at: now) else { return }
            catchUp(&state, question: question, at: clock)
            for reply in interviewer.respond(state: state, question: question) {
                try await say(reply, in: &state, question: question, lastAnswer: text, at: clock)
            }
        }
    }

    public func hint(_ id: UUID, now: Date = Date()) async throws -> PracticeView {
        try await mutate(id, now: now) { state, question, clock in
            guard let hint = interviewer.hint(state: state, question: question) else {
                throw MockLoopError(.conflict, "no hints left for this question")
            }
            state.hintsUsed += 1
            state.turns.append(
                PracticeTurn(speaker: .interviewer, kind: .hint, text: hint.text, at: clock, phase: state.phase.key, rule: hint.rule))
        }
    }

    public func pause(_ id: UUID, now: Date = Date()) async throws -> PracticeView {
        try await mutate(id, now: now, allowPaused: false) { state, _, _ in
            state.pauses.append(PracticeState.PauseSpan(start: now, end: nil))
            state.status = .paused
        }
    }

    public func resume(_ id: UUID, now: Date = Date()) async throws -> PracticeView {
        try await mutate(id, now: now) { _, _, _ in }
    }

    /// The candidate moves to the next phase (or story) on their own.
    public func next(_ id: UUID, now: Date = Date()) async throws -> PracticeView {
        try await mutate(id, now: now) { state, question, clock in
            guard !state.isLastPhase else { throw MockLoopError(.conflict, "this is the last phase: finish when you are done") }
            try await advance(&state, question: question, at: clock)
        }
    }

    public func skip(_ id: UUID, now: Date = Date()) async throws -> PracticeView {
        try await mutate(id, now: now) { state, question, clock in
            state.skips += 1
            try await say(interviewer.skip(state: state), in: &state, question: question, lastAnswer: "", at: clock)
        }
    }

    /// Keeps the editor's code (the browser saves it as the candidate types).
    public func saveCode(_ id: UUID, _ body: PracticeRequest.Code, now: Date = Date()) async throws -> PracticeView {
        let language = try Self.validate(body, requireCode: false)
        return try await mutate(id, now: now, resumes: false) { state, question, clock in
            state.code = body.code ?? ""
            state.language = language
            catchUp(&state, question: question, at: clock)
        }
    }

    public func done(_ id: UUID, now: Date = Date()) async throws -> PracticeView {
        try await retrying(id) {
            let loaded = try await activeOrConflict(id)
            return try await view(try await finish(loaded, reason: nil, now: now), now: now)
        }
    }

    /// Quits: the session is kept as abandoned, with everything said so far.
    public func quit(_ id: UUID, now: Date = Date()) async throws -> PracticeView {
        try await retrying(id) { try await abandon(id, now: now) }
    }

    func abandon(_ id: UUID, now: Date) async throws -> PracticeView {
        var loaded = try await activeOrConflict(id)
        loaded.state.end(.abandoned, at: now)
        let transcript = PracticeTranscript(state: loaded.state)
        let said = transcript.transcript.segments.contains { $0.speaker == PracticeTranscript.candidate }
        let minutes = max(1, Int((loaded.state.clock(at: now) / 60).rounded(.up)))
        loaded.revision = try await repo.end(
            loaded.state, revision: loaded.revision, sheet: ScoreSheet(durationMinutes: minutes),
            transcript: said ? transcript.stored : nil, feedback: nil, now: now)
        return try await view(loaded, now: now)
    }
}
