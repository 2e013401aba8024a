import MockLoopCore

/// The instant result of a timed mock: AI-suggested scores per rubric dimension, each derived
/// from the evidence it quotes, a calibrated figure beside it, the red flags (never one that a
/// quote contradicts), a retrospective prefilled for the user to edit and confirm, the facts
/// never asked about and the model answer. Labelled "AI score" everywhere: AI tools over-score.
public struct PracticeFeedback: Codable, Sendable {
    public struct Quote: Codable, Sendable, Equatable {
        public var at: Double
        public var text: String
        /// A gap (what went wrong) rather than a strength; nil in results stored before gaps were quoted.
        public var gap: Bool?

        public init(at: Double, text: String, gap: Bool = false) {
            self.at = at
            self.text = text
            self.gap = gap ? true : nil
        }

        public var isGap: Bool { gap ?? false }
    }

    public struct DimensionFeedback: Codable, Sendable, Equatable {
        public var key: String
        public var name: String
        /// nil: not observed — nothing in the mock shows this dimension; a human has to score it.
        public var aiScore: Int?
        public var calibrated: Double?
        public var evidence: [Quote]
        public var reason: String
    }

    public struct FlagFeedback: Codable, Sendable, Equatable {
        public var flag: RedFlag
        public var label: String
    }

    /// A question's model answer, shown once the mock is over.
    public struct ShownModelAnswer: Codable, Sendable, Equatable {
        public var questionId: String
        public var title: String
        public var answer: ModelAnswer
    }

    public var label: String
    public var calibrationNote: String
    public var dimensions: [DimensionFeedback]
    public var redFlags: [FlagFeedback]
    public var topFix: String
    public var summary: String
    public var pauses: Int
    public var pauseNote: String?
    public var hintsUsed: Int
    public var skips: Int
    /// A suggestion: the user edits and confirms it (the session's transcript analysis is at
    /// /api/v1/sessions/{id}/transcript/analysis).
    public var retro: RetroDraft
    /// Facts of the question the candidate never asked about: "you could have asked…".
    public var missedFacts: [String]?
    public var modelAnswers: [ShownModelAnswer]?

    /// `gaps`: the user's AI-vs-human gap per dimension; `minPairs` paired sessions make it count.
    /// `canRun`: the question has tests and a sandbox was there; if not, execution is left to a human.
    /// `questions`: the mock's questions, in prompt order (for facts and model answers).
    public static func build(
        state: PracticeState, rubric: Rubric, gaps: [String: CalibrationGap], minPairs: Int = 3, canRun: Bool = true,
        questions: [Question] = [], thresholds: AnalysisThresholds = AnalysisThresholds()
    ) -> PracticeFeedback {
        let transcript = PracticeTranscript(state: state).transcript
        let report = try? TranscriptAnalyzer(kind: state.type, thresholds: thresholds).analyze(
            transcript, candidate: PracticeTranscript.candidate)
        let evidence = DimensionEvidence(state: state)
        let measured = gaps.values.contains { $0.pairs >= minPairs }
        let dimensions = rubric.dimensions.map { d -> DimensionFeedback in
            let quotes: [Quote]
            switch d.key {
            case _ where report == nil: quotes = []
            case "coding_execution": quotes = canRun ? DimensionEvidence.execution(state.runs) : []
            case "communication": quotes = DimensionEvidence.communication(report, thresholds: thresholds)
            default: quotes = evidence.evidence(for: d.key)
            }
            let score = DimensionEvidence.score(quotes, need3: DimensionEvidence.need3[d.key] ?? 2)
            return DimensionFeedback(
                key: d.key, name: d.name, aiScore: score,
                calibrated: score.map { CalibrationGap.calibrated(aiScore: $0, gap: gaps[d.key], minPairs: minPairs) },
                evidence: quotes, reason: reason(d.key, score: score, quotes: quotes, canRun: canRun))
        }
        let flags = FeedbackFlags.consistent(report: report, dimensions: dimensions, state: state, evidence: evidence).map {
            FlagFeedback(flag: $0, label: $0.label)
        }
        let target = FixTarget(dimensions: dimensions, flags: flags.map(\.flag), rubric: rubric, report: report, thresholds: thresholds)
        let topFix = report == nil ? "The candidate said nothing: no feedback to give." : target.fixText
        let pauses = state.pauses.count
        let first = questions.first
        let said = Clarifier.factsSaid(in: state.turns)
        let missed =
            state.type == .behavioral ? [] : (first?.factList ?? []).enumerated().filter { !said.contains($0.offset) }.map(\.element.say)
        return PracticeFeedback(
            label: "AI score",
            calibrationNote: measured
                ? "Calibrated: your measured AI-vs-human gap per dimension is taken off (dimensions with fewer than \(minPairs) paired sessions lose 0.5)."
                : "Calibrated conservatively (0.5 off every score): AI tools over-score, and you have fewer than \(minPairs) human-scored sessions to measure your own gap.",
            dimensions: dimensions, redFlags: flags, topFix: topFix,
            summary: summary(dimensions, flags: flags, topFix: topFix),
            pauses: pauses, pauseNote: pauses == 0 ? nil : "Paused \(pauses) time\(pauses == 1 ? "" : "s"): real interviews don't pause.",
            hintsUsed: state.hintsUsed, skips: state.skips,
            retro: target.retro(dimensions: dimensions, flags: flags),
            missedFacts: missed,
            modelAnswers: questions.compactMap { q in q.modelAnswer.map { ShownModelAnswer(questionId: q.id, title: q.title, answer: $0) } }
        )
    }

    static let beforeCode: Set<String> = ["clarify", "approach"]

    static func reason(_ key: String, score: Int?, quotes: [Quote], canRun: Bool) -> String {
        guard let score else {
            if key == "coding_execution" {
                return canRun ? "Not observed: no code was run against the tests." : "Not observed: no tests could run here."
            }
            if key == "communication" { return "Not observed: typed answers have no fillers or pace to measure." }
            return "Not observed: nothing said in the mock shows this; score it yourself or with a partner."
        }
        let strengths = quotes.filter { !$0.isGap }.count
        let gaps = quotes.count - strengths
        if key == "coding_execution" { return score == 3 ? "The last run passed every test." : "The last run did not pass every test." }
        var parts: [String] = []
        if strengths > 0 { parts.append("\(strengths) strength\(strengths == 1 ? "" : "s")") }
        if gaps > 0 { parts.append("\(gaps) gap\(gaps == 1 ? "" : "s")") }
        return "From the quotes below: \(parts.joined(separator: ", "))."
    }

    static func summary(_ dims: [DimensionFeedback], flags: [FlagFeedback], topFix: String) -> String {
        let strong = dims.filter { $0.aiScore == 3 }.map(\.name)
        let weak = dims.filter { $0.aiScore == 1 }.map(\.name)
        let unseen = dims.filter { $0.aiScore == nil }.map(\.name)
        var parts: [String] = []
        if !strong.isEmpty { parts.append("Strongest: \(strong.joined(separator: ", ")).") }
        if !weak.isEmpty { parts.append("Weakest: \(weak.joined(separator: ", ")).") }
        if !unseen.isEmpty { parts.append("Not observed: \(unseen.joined(separator: ", ")).") }
        if !flags.isEmpty { parts.append("Red flags: \(flags.map { $0.label.lowercased() }.joined(separator: "; ")).") }
        parts.append(topFix)
        return parts.joined(separator: " ")
    }
}
