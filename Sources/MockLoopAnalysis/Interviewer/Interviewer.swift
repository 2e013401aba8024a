import MockLoopCore

/// The built-in interviewer: deterministic, it reacts to what the answers did and did not cover
/// (complexity, clarifying questions, "we" everywhere, unargued technology choices, numbers,
/// reflection, a story too short or about something else, a plan that cannot work), then to the
/// question's own curveballs in an order fixed by the session seed. Clarifications come from
/// the question's facts only. It never volunteers the solution: key points and the model
/// answer are for the result, never said.
public struct Interviewer: Sendable {
    public init() {}

    /// The first line of a prompt.
    public func opening(_ question: Question, state: PracticeState) -> InterviewerReply {
        switch state.type {
        case .behavioral:
            let n = state.promptIndex + 1
            return InterviewerReply(.question, "Story \(n) of \(state.questionIds.count): \(question.prompt)", rule: "prompt")
        case .coding:
            return InterviewerReply(.question, question.prompt + "\n\nTake a moment. Ask me anything before you start.", rule: "prompt")
        default:
            return InterviewerReply(.question, question.prompt + "\n\nWhere would you like to start?", rule: "prompt")
        }
    }

    /// The replies to the candidate's latest answer (already appended to `state.turns`, and the
    /// phase already moved to where the work is): at most one clarification or note, then at
    /// most one probe, curveball or move-on.
    public func respond(state: PracticeState, question: Question) -> [InterviewerReply] {
        let said = AnswerReading(state: state)
        guard let last = said.last else { return [] }
        var replies: [InterviewerReply] = []
        if said.asked {
            let answer = Clarifier().answer(said.lastText, facts: question.factList)
            replies.append(InterviewerReply(.clarification, answer.text, rule: Clarifier.rule(answer.facts)))
            if last.words < 40 { return replies }
        }
        if state.type != .behavioral, said.isFirstAnswer, !said.asked, !state.probedHere("no_clarifying") {
            replies.append(
                InterviewerReply(
                    .note, "Noted: no clarifying questions before solving. I'll answer one if you ask.", rule: "no_clarifying"))
        }
        if let probe = probe(said, state: state, question: question) {
            return replies + [probe]
        }
        if let curveball = curveball(said, state: state, question: question) {
            return replies + [curveball]
        }
        return replies + [moveOn(said, state: state)]
    }

    /// The next hint for the current prompt, or nil when they are used up.
    public func hint(state: PracticeState, question: Question) -> InterviewerReply? {
        let given = state.promptTurns.filter { $0.kind == .hint }.count
        guard given < question.hints.count else { return nil }
        return InterviewerReply(.hint, "Hint \(given + 1) of \(question.hints.count): \(question.hints[given])", rule: "hint")
    }

    /// The candidate declines the current question: leave a follow-up, or move past the prompt.
    public func skip(state: PracticeState) -> InterviewerReply {
        let lastAsked = state.turns.last { $0.speaker == .interviewer && [.followUp, .curveball, .question].contains($0.kind) }
        if let lastAsked, lastAsked.kind != .question {
            return InterviewerReply(.moveOn, "Fine, we'll leave that one. Carry on.", rule: "skip")
        }
        return moveOn(AnswerReading(state: state), state: state, skipped: true)
    }

    /// The question's own follow-ups, in seeded order: late in coding and design mocks, and one
    /// per story after its probes in behavioral ones.
    func curveball(_ said: AnswerReading, state: PracticeState, question: Question) -> InterviewerReply? {
        guard !question.followUps.isEmpty, said.promptWords >= 30 else { return nil }
        switch state.type {
        case .coding: guard state.phase.key == "test" || state.phase.key == "optimize" else { return nil }
        case .behavioral: guard !state.probed.contains(where: { $0.hasPrefix("\(state.promptIndex):curveball") }) else { return nil }
        default: guard state.phaseIndex >= 5 else { return nil }
        }
        var rng = SeededGenerator(seed: state.seed &+ UInt64(state.promptIndex))
        let order = Array(question.followUps.indices).shuffled(using: &rng)
        guard let next = order.first(where: { !state.probedHere("curveball:\($0)") }) else { return nil }
        return InterviewerReply(.curveball, question.followUps[next], rule: "curveball:\(next)")
    }

    /// Nothing to probe: keep the candidate going with a line of the phase they are in, move on
    /// when the phase's time is spent, and in a behavioral mock go to the next story.
    func moveOn(_ said: AnswerReading, state: PracticeState, skipped: Bool = false) -> InterviewerReply {
        let overTime = state.turns.last.map { $0.at >= state.phase.end } ?? false
        if state.type == .behavioral || overTime || skipped {
            if state.isLastPhase {
                return InterviewerReply(
                    .moveOn, "That covers what I wanted to ask. Finish when you're ready, or use the time left to add anything.",
                    rule: "wrap_up")
            }
            let next = state.phases[state.phaseIndex + 1]
            let text =
                state.type == .behavioral
                ? "Thank you. Let's go to the next story." : "Let's move on to \(next.title.lowercased()): \(next.goal)"
            return InterviewerReply(.moveOn, text, rule: "move_on", advances: true)
        }
        return InterviewerReply(.moveOn, Self.keepGoing[state.phase.key] ?? "Go on.", rule: "keep_going")
    }

    /// One line per phase: never a question of a phase the candidate is already past.
    static let keepGoing: [String: String] = [
        "clarify": "Anything else you'd like to know before you choose an approach?",
        "approach": "OK. Code it when you're ready, and talk me through it.",
        "code": "Keep going; talk me through what you're writing.",
        "test": "Good. What else would you check before calling it done?",
        "optimize": "Could it be faster, or use less memory?",
        "requirements": "What else do you need to know before designing?",
    ]
}
