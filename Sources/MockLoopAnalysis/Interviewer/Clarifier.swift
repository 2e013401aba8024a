import MockLoopCore

/// Answers a clarifying question from the question's facts, and only from them: each question
/// sentence gets the fact whose `ask` words it covers most (a lexical match), or "not
/// specified". Nothing else is ever said here: no key point, no model answer, no invented
/// constraint, and never through the optional language model.
public struct Clarifier: Sendable {
    public static let notSpecified = "Not specified — state your assumption and go on."
    public static let openPrefix = "That's for you to decide: "

    public struct Answer: Sendable, Equatable {
        public var text: String
        /// Indexes of the facts said, in the question's order of asking.
        public var facts: [Int]
        /// The sentences of `text`: each one a fact's `say`, the open prefix with one, or `notSpecified`.
        public var parts: [String]
    }

    public init() {}

    public func answer(_ text: String, facts: [QuestionFact]) -> Answer {
        let tokens = Tokenizer(text)
        var asked = tokens.sentences.filter(\.isQuestion).flatMap { Self.clauses($0.text) }
        if asked.isEmpty { asked = Self.clauses(text) }
        var chosen: [Int] = []
        var unmatched = false
        for sentence in asked {
            let words = WordMatch(sentence)
            var best: (index: Int, score: Int)?
            for (i, fact) in facts.enumerated() {
                let score = fact.ask.reduce(0) { $0 + words.covers($1) }
                if score > 0, score > (best?.score ?? 0) { best = (i, score) }
            }
            if let best {
                if !chosen.contains(best.index) { chosen.append(best.index) }
            } else {
                unmatched = true
            }
        }
        var parts = chosen.map { facts[$0].isOpen ? Self.openPrefix + facts[$0].say : facts[$0].say }
        if unmatched || parts.isEmpty { parts.append(Self.notSpecified) }
        return Answer(text: parts.joined(separator: " "), facts: chosen, parts: parts)
    }

    /// "How long can it be, and what about an empty one?" asks two things.
    static func clauses(_ sentence: String) -> [String] {
        var parts = [sentence]
        for separator in [", and ", "; ", ", or ", " and what ", " and how ", " and can ", " and is ", " and are ", " and do "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The rule a clarification is stored under: which facts were said ("clarification:0,3").
    public static func rule(_ facts: [Int]) -> String { "clarification:" + facts.map(String.init).joined(separator: ",") }

    /// The facts said in a mock's clarifications (read back from their rules).
    public static func factsSaid(in turns: [PracticeTurn]) -> Set<Int> {
        var out = Set<Int>()
        for t in turns where t.kind == .clarification {
            guard let rule = t.rule, rule.hasPrefix("clarification:") else { continue }
            out.formUnion(rule.dropFirst("clarification:".count).split(separator: ",").compactMap { Int($0) })
        }
        return out
    }
}
