import MockLoopCore

/// The sentences behind an AI-suggested score, quoted with the session-clock time they were
/// sent, so a user can check each score against what they actually said.
struct ScoreEvidence {
    struct Sentence {
        let at: Double
        let text: String
        let bytes: [UInt8]
        let words: [String]
        let isQuestion: Bool
        let phase: String
    }

    let sentences: [Sentence]

    init(turns: [PracticeTurn]) {
        var out: [Sentence] = []
        for t in turns where t.speaker == .candidate && t.kind == .answer {
            let tokens = Tokenizer(t.text)
            for s in tokens.sentences {
                let words = tokens.words[s.firstWord..<(s.firstWord + s.wordCount)].map(\.text)
                out.append(
                    Sentence(
                        at: t.at, text: s.text, bytes: PhraseMatcher.bytes(s.text), words: words, isQuestion: s.isQuestion, phase: t.phase))
            }
        }
        sentences = out
    }

    /// Up to three quotes for a dimension of the built-in rubrics; none for dimensions the
    /// words cannot show (communication is judged from fillers and pace instead).
    func quotes(for dimension: String) -> [PracticeFeedback.Quote] {
        let match: (Sentence) -> Bool
        switch dimension {
        case "clarification", "requirements": match = { $0.isQuestion }
        case "testing_edge_cases": match = { Lexicon.edgeCases.contains(in: $0.bytes) }
        case "optimization_discussion": match = { Lexicon.complexity.contains(in: $0.bytes) || Lexicon.tradeOffs.contains(in: $0.bytes) }
        case "tradeoff_articulation":
            match = {
                Lexicon.tradeOffs.contains(in: $0.bytes) || (Lexicon.over.contains(in: $0.bytes) && Lexicon.because.contains(in: $0.bytes))
            }
        case "capacity_estimation", "quantified_outcomes": match = Self.hasFigure
        case "scope_of_impact": match = { Lexicon.result.contains(in: $0.bytes) || Self.hasFigure($0) }
        case "situation_clarity": match = { Lexicon.situation.contains(in: $0.bytes) || Lexicon.task.contains(in: $0.bytes) }
        case "own_contribution": match = { s in s.words.contains("i") && s.words.contains { Lexicon.actionVerbs.contains($0) } }
        case "what_id_do_differently": match = { Lexicon.reflection.contains(in: $0.bytes) }
        case "approach_verbalization": match = { PracticeFeedback.beforeCode.contains($0.phase) && !$0.isQuestion && $0.words.count >= 6 }
        default: return []
        }
        return sentences.filter(match).prefix(3).map { PracticeFeedback.Quote(at: $0.at, text: Self.cut($0.text)) }
    }

    static func hasFigure(_ s: Sentence) -> Bool { !QuantityDetector.figures(Tokenizer(s.text)).isEmpty }

    static func cut(_ text: String) -> String { text.count > 220 ? String(text.prefix(219)) + "…" : text }
}
