import MockLoopCore

/// The red flags of a mock's result, decided from the same evidence the scores quote, so a
/// flag is never raised while a quote contradicts it (a clarifying question quoted under
/// Clarification and "no clarifying questions" cannot both appear).
enum FeedbackFlags {
    /// The dimension a flag speaks to, in the built-in rubrics.
    static func dimension(of flag: RedFlag, in rubric: Rubric) -> String? {
        let candidates: [String]
        switch flag {
        case .noOwnership: candidates = ["own_contribution"]
        case .vagueResult: candidates = ["quantified_outcomes", "scope_of_impact"]
        case .noClarifyingQuestions: candidates = ["clarification", "requirements"]
        case .noComplexity: candidates = ["optimization_discussion"]
        case .rambling: candidates = ["communication", "situation_clarity"]
        case .defensive, .rigid, .longSilence: candidates = ["communication"]
        }
        return candidates.first { rubric.dimension($0) != nil }
    }

    static func consistent(
        report: AnalysisReport?, dimensions: [PracticeFeedback.DimensionFeedback], state: PracticeState, evidence: DimensionEvidence
    ) -> [RedFlag] {
        guard let report else { return [] }
        func strengths(_ keys: [String]) -> [PracticeFeedback.Quote] {
            dimensions.filter { keys.contains($0.key) }.flatMap { $0.evidence.filter { !$0.isGap } }
        }
        let answers = state.turns.filter { $0.speaker == .candidate && $0.kind == .answer }
        var flags = Set(report.redFlags.filter { ![.noClarifyingQuestions, .noComplexity, .noOwnership, .vagueResult].contains($0) })
        if state.type != .behavioral {
            let asked = evidence.evidence(for: state.type == .coding ? "clarification" : "requirements")
            if !asked.isEmpty, asked.allSatisfy(\.isGap), strengths(["clarification", "requirements"]).isEmpty {
                flags.insert(.noClarifyingQuestions)
            }
        }
        if state.type == .coding, !answers.isEmpty, !evidence.sentences.contains(where: DimensionEvidence.statesComplexity) {
            flags.insert(.noComplexity)
        }
        if state.type == .behavioral {
            let owned = evidence.evidence(for: "own_contribution")
            if answers.contains(where: { ($0.coverage ?? AnswerCoverage.read($0.text, type: .behavioral)).noOwnership }),
                !owned.contains(where: { !$0.isGap })
            {
                flags.insert(.noOwnership)
            }
            let measured = evidence.evidence(for: "quantified_outcomes")
            if measured.contains(where: \.isGap), !measured.contains(where: { !$0.isGap }) { flags.insert(.vagueResult) }
        }
        return flags.sorted()
    }
}
