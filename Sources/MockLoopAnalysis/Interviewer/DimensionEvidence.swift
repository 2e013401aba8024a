import MockLoopCore

/// The evidence behind each AI score: the candidate's own sentences (or runs, or measures),
/// quoted with the clock time, each either a strength or a gap. A score is derived from the
/// quotes it lists and nothing else: no quote → "not observed"; only gaps → 1; a strength → 2;
/// enough strengths, more than the gaps → 3. A vague answer therefore cannot score above 1.
struct DimensionEvidence {
    struct Sentence {
        let at: Double
        let text: String
        let bytes: [UInt8]
        let words: [String]
        let isQuestion: Bool
        let phase: String
        let firstOfAnswer: Bool
    }

    typealias Quote = PracticeFeedback.Quote

    let sentences: [Sentence]
    let type: InterviewType

    init(state: PracticeState) {
        type = state.type
        var out: [Sentence] = []
        for t in state.turns where t.speaker == .candidate && t.kind == .answer {
            let tokens = Tokenizer(t.text)
            for (n, s) in tokens.sentences.enumerated() {
                let words = tokens.words[s.firstWord..<(s.firstWord + s.wordCount)].map(\.text)
                out.append(
                    Sentence(
                        at: t.at, text: s.text, bytes: PhraseMatcher.bytes(s.text), words: words, isQuestion: s.isQuestion,
                        phase: t.phase, firstOfAnswer: n == 0))
            }
        }
        sentences = out
    }

    static let shownStrengths = 3
    static let shownGaps = 2

    /// The quotes listed for a dimension: up to three strengths, then up to two gaps.
    func quotes(_ strengths: [Sentence], gaps: [Sentence] = []) -> [Quote] {
        strengths.prefix(Self.shownStrengths).map { Quote(at: $0.at, text: Self.cut($0.text)) }
            + gaps.prefix(Self.shownGaps).map { Quote(at: $0.at, text: Self.cut($0.text), gap: true) }
    }

    /// The score the listed quotes give: nil when there are none.
    static func score(_ quotes: [Quote], need3: Int) -> Int? {
        guard !quotes.isEmpty else { return nil }
        let strengths = quotes.filter { !$0.isGap }.count
        if strengths == 0 { return 1 }
        return strengths >= need3 && strengths > quotes.count - strengths ? 3 : 2
    }

    /// Strengths needed for a 3, per dimension of the built-in rubrics.
    static let need3: [String: Int] = [
        "clarification": 2, "approach_verbalization": 3, "testing_edge_cases": 3, "optimization_discussion": 2,
        "coding_execution": 1, "communication": 2, "situation_clarity": 2, "scope_of_impact": 2, "own_contribution": 2,
        "what_id_do_differently": 1, "quantified_outcomes": 2, "requirements": 3, "capacity_estimation": 3, "tradeoff_articulation": 2,
    ]

    /// The quotes for a dimension of the built-in rubrics; none for dimensions the words cannot show.
    func evidence(for dimension: String) -> [Quote] {
        switch dimension {
        case "clarification", "requirements":
            let asked = sentences.filter { $0.isQuestion && (PracticeFeedback.beforeCode.contains($0.phase) || type != .coding) }
            // Solving with no question first is a gap, quoted: the first sentence that solved.
            let solved = asked.isEmpty ? Array(sentences.first { !$0.isQuestion && $0.words.count >= 6 }.map { [$0] } ?? []) : []
            return quotes(asked, gaps: solved)
        case "testing_edge_cases":
            return quotes(
                sentences.filter {
                    !$0.isQuestion && (Lexicon.edgeCases.contains(in: $0.bytes) || InterviewerLexicon.walkedThrough.contains(in: $0.bytes))
                })
        case "optimization_discussion":
            return quotes(sentences.filter { Self.statesComplexity($0) || Lexicon.tradeOffs.contains(in: $0.bytes) })
        case "tradeoff_articulation":
            return quotes(
                sentences.filter {
                    Lexicon.tradeOffs.contains(in: $0.bytes)
                        || (Lexicon.over.contains(in: $0.bytes) && Lexicon.because.contains(in: $0.bytes))
                })
        case "capacity_estimation": return quotes(sentences.filter(Self.hasFigure))
        case "scope_of_impact", "quantified_outcomes":
            let results = sentences.filter { Lexicon.result.contains(in: $0.bytes) }
            let measured = sentences.filter(Self.hasFigure)
            return quotes(
                dimension == "quantified_outcomes" ? measured : measured.filter { Lexicon.result.contains(in: $0.bytes) },
                gaps: results.filter { !Self.hasFigure($0) })
        case "situation_clarity":
            return quotes(sentences.filter { Lexicon.situation.contains(in: $0.bytes) || Lexicon.task.contains(in: $0.bytes) })
        case "own_contribution":
            let acted = { (s: Sentence) in s.words.contains { Lexicon.actionVerbs.contains($0) } }
            return quotes(
                sentences.filter { $0.words.contains("i") && acted($0) },
                gaps: sentences.filter { $0.words.contains("we") && !$0.words.contains("i") && acted($0) })
        case "what_id_do_differently": return quotes(sentences.filter { Lexicon.reflection.contains(in: $0.bytes) })
        case "approach_verbalization":
            return quotes(sentences.filter { PracticeFeedback.beforeCode.contains($0.phase) && !$0.isQuestion && $0.words.count >= 6 })
        default: return []
        }
    }

    /// The last test run: a strength when every test passed.
    static func execution(_ runs: [PracticeRun]) -> [Quote] {
        guard let last = runs.last else { return [] }
        let verdict = last.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
        return [
            Quote(
                at: last.at, text: "Run: \(last.passed)/\(last.total) tests passed (\(verdict))",
                gap: !(last.total > 0 && last.passed == last.total))
        ]
    }

    /// Spoken answers only: fillers and pace, each a strength when within the thresholds.
    static func communication(_ report: AnalysisReport?, thresholds: AnalysisThresholds) -> [Quote] {
        guard let report, report.source.timed, let fillers = report.fillers.perMinute, let wpm = report.wordsPerMinute else { return [] }
        let paceOK = wpm >= thresholds.paceWarnBelow && wpm <= thresholds.paceWarnAbove
        return [
            Quote(at: 0, text: String(format: "Fillers: %.1f per minute", fillers), gap: fillers > thresholds.fillersGoodPerMinute),
            Quote(at: 0, text: String(format: "Pace: %.0f words per minute", wpm), gap: !paceOK),
        ]
    }

    static func statesComplexity(_ s: Sentence) -> Bool { Lexicon.complexity.contains(in: s.bytes) }

    static func hasFigure(_ s: Sentence) -> Bool { !QuantityDetector.figures(Tokenizer(s.text)).isEmpty }

    static func cut(_ text: String) -> String { text.count > 220 ? String(text.prefix(219)) + "…" : text }
}
