import MockLoopCore

/// Analyses one candidate turn. Timing comes from the turn's segments when the source has it.
struct AnswerAnalyzer {
    let kind: InterviewType
    let thresholds: AnalysisThresholds

    struct Turn {
        var segments: [Segment]
        var text: String { segments.map(\.text).joined(separator: " ") }
        var start: Double? { segments.first?.start }
        var end: Double? { segments.last?.end }
    }

    func analyze(_ turn: Turn, questionEnd: Double?, previousAnswer: String?, interviewerQuestion: String?) -> AnswerAnalysis {
        let tokens = Tokenizer(turn.text)
        let m = PhraseMatcher(tokens)
        let words = tokens.words.count
        let duration = turn.start.flatMap { s in turn.end.map { max(0, $0 - s) } }
        var pauses: [Pause] = []
        var pausedOver = 0.0
        for (a, b) in zip(turn.segments, turn.segments.dropFirst()) {
            guard let end = a.end, let start = b.start else { continue }
            let gap = start - end
            if gap >= thresholds.paceExcludesPausesOverSeconds { pausedOver += gap }
            if gap >= thresholds.pauseSeconds {
                pauses.append(Pause(startSeconds: end, durationSeconds: gap, isSilence: gap >= thresholds.silenceSeconds))
            }
        }
        let minutes = duration.map { $0 / 60 }
        let fillers = FillerDetector.count(tokens)
        let (star, actionRange) = StarDetector.detect(tokens, m)
        let ownership = Self.ownership(tokens, actionRange: actionRange)
        let quantified = QuantityDetector.figures(tokens)
        let reflectionAt = m.firstSentence(with: Lexicon.reflection)
        let opening = 0..<min(2, m.sentences.count)
        let leads =
            m.firstSentence(with: Lexicon.result, in: opening) != nil
            || opening.contains { !QuantityDetector.figures(tokens.words(ofSentence: $0)).isEmpty }
        // "X over Y because …" is a trade-off even without the word.
        let overBecause = m.sentences.contains { Lexicon.over.contains(in: $0) && Lexicon.because.contains(in: $0) }
        let technical = AnswerAnalysis.Technical(
            complexity: m.found(Lexicon.complexity), edgeCases: m.found(Lexicon.edgeCases),
            tradeOffs: m.found(Lexicon.tradeOffs) + (overBecause ? ["over … because"] : []))
        let ttfw = questionEnd.flatMap { q in turn.start.map { max(0, $0 - q) } }
        var analysis = AnswerAnalysis(
            startSeconds: turn.start, durationSeconds: duration, words: words,
            wordsPerMinute: minutes.flatMap { $0 > 0 ? Double(words) / max($0 - pausedOver / 60, 1.0 / 60) : nil },
            timeToFirstWordSeconds: ttfw,
            fillers: .init(
                total: fillers.total, perMinute: minutes.flatMap { $0 > 0 ? Double(fillers.total) / $0 : nil },
                share: words == 0 ? 0 : Double(fillers.total) / Double(words), byWord: fillers.byWord),
            pauses: pauses, star: star, leadsWithImpact: leads, ownership: ownership, quantified: quantified,
            reflection: .init(present: reflectionAt != nil, sentence: reflectionAt.map { m.original[$0] }),
            technical: technical, clarifyingQuestions: clarifying(tokens, m, turn: turn), redFlags: [])
        analysis.redFlags = flags(analysis, text: turn.text, previousAnswer: previousAnswer, interviewerQuestion: interviewerQuestion)
        analysis.warnings = warnings(analysis)
        return analysis
    }

    /// Questions asked in the opening of the answer: a question mark, or a clarifying phrase.
    func clarifying(_ tokens: Tokenizer, _ m: PhraseMatcher, turn: Turn) -> Int {
        var cutoffWord = Int(Double(tokens.words.count) * thresholds.clarifyingWindowShare) + 1
        if let start = turn.start, let end = turn.end, end > start {
            let share = min(1, thresholds.clarifyingWindowSeconds / (end - start))
            cutoffWord = max(cutoffWord, Int(Double(tokens.words.count) * share))
        }
        return tokens.sentences.indices.filter { i in
            tokens.sentences[i].firstWord < cutoffWord
                && (tokens.sentences[i].isQuestion || m.sentence(i, has: Lexicon.clarifying))
        }.count
    }

    static func ownership(_ tokens: Tokenizer, actionRange: Range<Int>) -> AnswerAnalysis.Ownership {
        let range = actionRange.isEmpty ? 0..<tokens.sentences.count : actionRange
        var i = 0
        var we = 0
        for s in range {
            let sentence = tokens.sentences[s]
            for w in tokens.words[sentence.firstWord..<(sentence.firstWord + sentence.wordCount)] {
                if ["i", "i'm", "i've", "i'd", "i'll", "me", "myself"].contains(w.text) { i += 1 }  // "my team" is not a personal action
                if ["we", "we're", "we've", "we'd", "we'll", "us", "our", "ourselves"].contains(w.text) { we += 1 }
            }
        }
        return .init(i: i, we: we, actionHasI: !actionRange.isEmpty && i > 0)
    }

    func flags(_ a: AnswerAnalysis, text: String, previousAnswer: String?, interviewerQuestion: String?) -> [RedFlag] {
        var out: [RedFlag] = []
        let substantial = a.words >= 30
        if kind == .behavioral && substantial {
            if a.star.action.present && !a.ownership.actionHasI && a.ownership.we > 0 { out.append(.noOwnership) }
            if !a.star.result.present || a.quantified.isEmpty { out.append(.vagueResult) }
            if let d = a.durationSeconds, d >= thresholds.rambleSeconds { out.append(.rambling) }
        }
        if a.pauses.contains(where: \.isSilence) || (a.timeToFirstWordSeconds ?? 0) > thresholds.firstWordSeconds {
            out.append(.longSilence)
        }
        let lower = PhraseMatcher.bytes(text)
        if Lexicon.defensive.contains(in: lower) { out.append(.defensive) }
        if let previous = previousAnswer, let q = interviewerQuestion.map(PhraseMatcher.bytes),
            Lexicon.flawPointers.contains(in: q), !Lexicon.concession.contains(in: lower),
            Self.overlap(previous, text) >= 0.5
        {
            out.append(.rigid)
        }
        return out
    }

    func warnings(_ a: AnswerAnalysis) -> [String] {
        var out: [String] = []
        if kind == .behavioral, let d = a.durationSeconds, d >= thresholds.rambleWarnSeconds, d < thresholds.rambleSeconds {
            out.append("rambling_soon")
        }
        if a.words >= 30, let wpm = a.wordsPerMinute {
            if wpm > thresholds.paceWarnAbove { out.append("pace_fast") }
            if wpm < thresholds.paceWarnBelow { out.append("pace_slow") }
        }
        if let f = a.fillers.perMinute, f > thresholds.fillersWarnPerMinute { out.append("fillers_high") }
        return out
    }

    /// Share of the reply's content words that the previous answer already used.
    static func overlap(_ a: String, _ b: String) -> Double {
        func content(_ s: String) -> Set<String> {
            Set(Tokenizer(s).words.map(\.text).filter { $0.count > 3 })
        }
        let (x, y) = (content(a), content(b))
        guard !y.isEmpty else { return 0 }
        return Double(x.intersection(y).count) / Double(y.count)
    }
}
