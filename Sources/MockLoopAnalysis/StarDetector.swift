/// Situation, task, action and result in a behavioral answer, each with the sentence that shows
/// it, and how much of the answer the action part takes.
public struct StarDetector {
    public struct Part: Codable, Sendable, Equatable {
        public var present: Bool
        public var sentence: String?
    }

    public struct Report: Codable, Sendable, Equatable {
        public var situation: Part
        public var task: Part
        public var action: Part
        public var result: Part
        /// Share of the answer's words in the action part (0–1).
        public var actionShare: Double
    }

    /// Also returns the sentence range of the action part, which the ownership check reads.
    static func detect(_ tokens: Tokenizer, _ m: PhraseMatcher) -> (Report, Range<Int>) {
        let n = m.sentences.count
        let situation = m.firstSentence(with: Lexicon.situation) ?? (0..<n).first(where: m.namesAPlace)
        let task = m.firstSentence(with: Lexicon.task)
        let actionStart = (0..<n).first { isAction(tokens, sentence: $0) && $0 != task }
        let resultStart =
            m.firstSentence(with: Lexicon.result, in: (actionStart ?? 0)..<n)
            ?? (actionStart.map { a in
                (a + 1..<max(a + 1, n)).first { s in
                    QuantityDetector.figures(tokens.words(ofSentence: s)).isEmpty == false
                }
            } ?? nil)
        var actionRange = 0..<0
        if let a = actionStart { actionRange = a..<max(a + 1, (resultStart.map { $0 > a ? $0 : n }) ?? n) }
        let actionWords = actionRange.reduce(0) { $0 + tokens.sentences[$1].wordCount }
        func part(_ i: Int?) -> Part { Part(present: i != nil, sentence: i.map { m.original[$0] }) }
        let report = Report(
            situation: part(situation), task: part(task), action: part(actionStart), result: part(resultStart),
            actionShare: tokens.words.isEmpty ? 0 : Double(actionWords) / Double(tokens.words.count))
        return (report, actionRange)
    }

    /// "I/we + action verb", or "I'd/I'll" plans do not count: the action is what was done.
    static func isAction(_ tokens: Tokenizer, sentence s: Int) -> Bool {
        let sentence = tokens.sentences[s]
        let words = tokens.words[sentence.firstWord..<(sentence.firstWord + sentence.wordCount)]
        for (a, b) in zip(words, words.dropFirst()) where ["i", "we"].contains(a.text) {
            if Lexicon.actionVerbs.contains(b.text) { return true }
        }
        for (a, b) in zip(words, words.dropFirst().dropFirst()) where ["i", "we"].contains(a.text) {
            if Lexicon.actionVerbs.contains(b.text) { return true }  // "I then built", "we quickly rolled"
        }
        return false
    }
}

extension Tokenizer {
    func words(ofSentence s: Int) -> ArraySlice<Word> {
        words[sentences[s].firstWord..<(sentences[s].firstWord + sentences[s].wordCount)]
    }
}
