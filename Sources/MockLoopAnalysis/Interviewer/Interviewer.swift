import MockLoopCore

/// The built-in interviewer: deterministic, it reacts to what the answer did and did not cover
/// (complexity, clarifying questions, "we" everywhere, unargued technology choices, numbers,
/// reflection), then to the question's own curveballs in an order fixed by the session seed.
/// It never volunteers the solution: key points are for scoring, never said.
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

    /// The replies to the candidate's latest answer (already appended to `state.turns`): at most
    /// one note or clarification, then at most one probe, curveball or move-on.
    public func respond(state: PracticeState, question: Question) -> [InterviewerReply] {
        let said = AnswerReading(state: state)
        guard let last = said.last else { return [] }
        var replies: [InterviewerReply] = []
        if said.asked {
            replies.append(InterviewerReply(.clarification, Self.clarification(state.type), rule: "clarification"))
            if last.words < 40 { return replies }
        }
        if state.type != .behavioral, said.isFirstAnswer, !said.asked, !state.probedHere("no_clarifying") {
            replies.append(
                InterviewerReply(
                    .note, "Noted: no clarifying questions before solving. I'll answer one if you ask.",
                    rule: "no_clarifying"))
        }
        if let probe = probe(said, state: state) {
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

    func probe(_ said: AnswerReading, state: PracticeState) -> InterviewerReply? {
        func ask(_ rule: String, _ text: String) -> InterviewerReply? {
            state.probedHere(rule) ? nil : InterviewerReply(.followUp, text, rule: rule)
        }
        guard let last = said.last else { return nil }
        // In a coding answer "lambda" or "spark" is code, not an architecture choice.
        if state.type != .coding, let tech = TechnologyAlternatives.unjustified(in: said.lastText), !state.probedHere("technology:\(tech)")
        {
            let alt = TechnologyAlternatives.plain[tech] ?? "something simpler"
            return InterviewerReply(.followUp, "Why \(TechnologyAlternatives.display(tech)) over \(alt) here?", rule: "technology:\(tech)")
        }
        switch state.type {
        case .coding:
            let key = state.phase.key
            if said.complexity.isEmpty, key != "clarify" || last.words >= 20 || said.hasCode,
                let q = ask("complexity", "What are the time and space complexity of that?")
            {
                return q
            }
            if said.edgeCases.isEmpty, ["code", "test", "optimize"].contains(key),
                let q = ask("edge_cases", "Which inputs would break it? Walk me through the edge cases you'd test.")
            {
                return q
            }
        case .behavioral:
            guard said.promptWords >= 30 else { return nil }
            if last.redFlags.contains(.noOwnership) || (last.ownership.we >= 3 && last.ownership.we > last.ownership.i),
                let q = ask("ownership", "What did YOU do, specifically? Not the team: your own actions.")
            {
                return q
            }
            if said.figures.isEmpty, let q = ask("measurement", "How did you measure that? What changed, in numbers?") { return q }
            if !said.reflected, let q = ask("reflection", "What would you do differently if you did it again?") { return q }
        default:
            if said.figures.isEmpty, state.phaseIndex >= 1,
                let q = ask("numbers", "Can you put numbers on that: requests per second at peak, storage per year?")
            {
                return q
            }
            if said.tradeOffs.isEmpty, state.phaseIndex >= 5,
                let q = ask("trade_offs", "What are you giving up with this design? Name one trade-off and what you chose over it.")
            {
                return q
            }
        }
        return nil
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

    /// Nothing to probe: keep the candidate going, move on when the phase's time is spent, and
    /// in a behavioral mock go to the next story.
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
        let keepGoing: [String: String] = [
            "clarify": "Anything else you'd like to know before you choose an approach?",
            "approach": "OK. Code it when you're ready, and talk me through it.",
            "code": "Keep going; talk me through what you're writing.",
            "test": "Good. What else would you check before calling it done?",
            "optimize": "Could it be faster, or use less memory?",
            "requirements": "What else do you need to know before designing?",
        ]
        return InterviewerReply(.moveOn, keepGoing[state.phase.key] ?? "Go on.", rule: "keep_going")
    }

    static func clarification(_ type: InterviewType) -> String {
        switch type {
        case .coding:
            "Good question. Assume the input fits in memory, up to 10^5 elements, values fit in 64-bit integers; for anything else, state your assumption and go on."
        case .behavioral:
            "Pick the story you know best. I'm listening for what you did, the result in numbers, and what you learned."
        default:
            "Good question. Assume 10 million daily active users, about 10 reads per write, and a 99.9% availability target; state any other assumption out loud."
        }
    }
}
