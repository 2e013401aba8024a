import MockLoopCore

/// The probes: what the answers so far did not cover, asked once per prompt each.
extension Interviewer {
    static let tellMore = "Tell me more about that: what was the situation, what did you do yourself, and how did it turn out?"
    static let walkExample =
        "Before you code it, walk me through that approach on the example from the prompt, step by step: what happens to each input?"

    func probe(_ said: AnswerReading, state: PracticeState, question: Question) -> InterviewerReply? {
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
            // Only a plan stated before any code: "I would test…" in the test phase is not one.
            if last.approach, !said.hasCode, ["clarify", "approach", "code"].contains(key),
                Self.namesNoKnownApproach(said.lastText, question: question),
                let q = ask("walk_example", Self.walkExample)
            {
                return q
            }
            if !said.complexity, key != "clarify" || last.words >= 20 || said.hasCode,
                let q = ask("complexity", "What are the time and space complexity of that?")
            {
                return q
            }
            if !said.edgeCases, ["code", "test", "optimize"].contains(key),
                let q = ask("edge_cases", "Which inputs would break it? Walk me through the edge cases you'd test.")
            {
                return q
            }
        case .behavioral:
            if said.promptWords >= 40, Self.offTopic(said.storyText, question: question),
                let q = ask(
                    "off_topic",
                    "That sounds like a different situation. The question was: \(Self.firstSentence(question.prompt)) Do you have a story about that?"
                )
            {
                return q
            }
            if said.promptWords < 45, let q = ask("tell_more", Self.tellMore) { return q }
            guard said.promptWords >= 30 else { return nil }
            if last.noOwnership || (last.we >= 3 && last.we > last.i),
                let q = ask("ownership", "What did YOU do, specifically? Not the team: your own actions.")
            {
                return q
            }
            if !said.figures, let q = ask("measurement", "How did you measure that? What changed, in numbers?") { return q }
            if !said.reflected, let q = ask("reflection", "What would you do differently if you did it again?") { return q }
        default:
            if !said.figures, state.phaseIndex >= 1,
                let q = ask("numbers", "Can you put numbers on that: requests per second at peak, storage per year?")
            {
                return q
            }
            if !said.tradeOffs, state.phaseIndex >= 5,
                let q = ask("trade_offs", "What are you giving up with this design? Name one trade-off and what you chose over it.")
            {
                return q
            }
        }
        return nil
    }

    /// The plan names none of the approaches known to work (from the question's model answer).
    /// A question without them is never questioned this way.
    static func namesNoKnownApproach(_ text: String, question: Question) -> Bool {
        let known = question.modelAnswer?.approaches ?? []
        guard !known.isEmpty else { return false }
        let words = WordMatch(text)
        return known.allSatisfy { words.covers($0) == 0 }
    }

    /// A story that shares no word with the prompt's theme and almost none with the prompt.
    static func offTopic(_ story: String, question: Question) -> Bool {
        let words = WordMatch(story)
        let theme = question.modelAnswer?.themeWords ?? []
        if !theme.isEmpty, words.shared(with: theme, ignoring: promptStopWords) > 0 { return false }
        let promptWords = WordMatch.words(question.prompt).filter { $0.count >= 4 && !promptStopWords.contains($0) }
        return words.shared(with: promptWords, ignoring: promptStopWords) <= 1
    }

    static func firstSentence(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return Tokenizer(flat).sentences.first?.text ?? flat
    }

    /// The words of any behavioral prompt ("tell me about a time when you…"): they say nothing about its theme.
    static let promptStopWords: Set<String> = [
        "tell", "about", "time", "when", "what", "your", "that", "this", "with", "have", "were", "would", "which", "there",
        "their", "they", "them", "from", "then", "than", "into", "more", "most", "some", "made", "make", "describe", "situation",
        "give", "example", "story", "walk", "through", "happened", "happen", "did", "was", "had", "been", "being", "team", "work",
        "worked", "working", "project", "result", "learn", "learned", "something", "someone", "other", "others", "also", "just",
        "very", "really", "where", "while", "after", "before", "over", "only", "like", "could", "should", "will", "want",
    ]
}
