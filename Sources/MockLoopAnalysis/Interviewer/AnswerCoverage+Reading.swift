import MockLoopCore

extension AnswerCoverage {
    /// Reads one answer as it arrives: the analyzers run over this answer alone.
    public static func read(_ text: String, type: InterviewType) -> AnswerCoverage {
        let turn = AnswerAnalyzer.Turn(segments: [Segment(speaker: PracticeTranscript.candidate, text: text)])
        let a = AnswerAnalyzer(kind: type, thresholds: AnalysisThresholds()).analyze(
            turn, questionEnd: nil, previousAnswer: nil, interviewerQuestion: nil)
        let tokens = Tokenizer(text)
        let bytes = PhraseMatcher.bytes(text)
        let questions = tokens.sentences.filter(\.isQuestion).count
        let statedWords = tokens.sentences.filter { !$0.isQuestion }.reduce(0) { $0 + $1.wordCount }
        let code = AnswerReading.looksLikeCode(text)
        return AnswerCoverage(
            words: a.words, questions: questions, complexity: !a.technical.complexity.isEmpty, edgeCases: !a.technical.edgeCases.isEmpty,
            tradeOffs: !a.technical.tradeOffs.isEmpty, figures: !a.quantified.isEmpty, reflection: a.reflection.present, code: code,
            walked: InterviewerLexicon.walkedThrough.contains(in: bytes),
            approach: !code && statedWords >= 10 && InterviewerLexicon.planCues.contains(in: bytes),
            i: a.ownership.i, we: a.ownership.we,
            noOwnership: type == .behavioral && a.words >= 30 && a.star.action.present && !a.ownership.actionHasI && a.ownership.we > 0)
    }
}

/// The interviewer's own cues: a plan being stated, an example being traced.
enum InterviewerLexicon {
    static let planCues = Phrases([
        "i'd use", "i would use", "i'll use", "i will use", "i'd", "i would", "i'll", "i will", "my approach", "the approach",
        "my plan", "the plan", "the idea", "my idea", "we can", "we could", "using a", "use a", "going to", "i'm thinking",
        "i think", "algorithm", "i want to",
    ])
    static let walkedThrough = Phrases([
        "walk through", "walking through", "walk it through", "trace", "tracing", "dry run", "step through", "stepping through",
        "test case", "for the input", "with the example", "on the example", "the example gives", "returns true", "returns false",
        "we get", "i get", "that gives", "which gives", "expected output",
    ])
}
