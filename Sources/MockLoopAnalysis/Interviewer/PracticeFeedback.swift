import MockLoopCore

/// The instant result of a timed mock: AI-suggested scores per rubric dimension, each with its
/// evidence and a calibrated figure beside it, the red flags, and a retrospective prefilled for
/// the user to edit and confirm. Labelled "AI score" everywhere: AI tools over-score.
public struct PracticeFeedback: Codable, Sendable {
    public struct Quote: Codable, Sendable, Equatable {
        public var at: Double
        public var text: String
    }

    public struct DimensionFeedback: Codable, Sendable, Equatable {
        public var key: String
        public var name: String
        /// nil: the words of a mock cannot show this dimension; a human has to score it.
        public var aiScore: Int?
        public var calibrated: Double?
        public var evidence: [Quote]
        public var reason: String
    }

    public struct FlagFeedback: Codable, Sendable, Equatable {
        public var flag: RedFlag
        public var label: String
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

    /// `gaps`: the user's AI-vs-human gap per dimension; `minPairs` paired sessions make it count.
    /// `canRun`: the question has tests and a sandbox was there; if not, execution is left to a human.
    public static func build(
        state: PracticeState, rubric: Rubric, gaps: [String: CalibrationGap], minPairs: Int = 3,
        canRun: Bool = true
    ) -> PracticeFeedback {
        let transcript = PracticeTranscript(state: state).transcript
        let report = try? TranscriptAnalyzer(kind: state.type).analyze(transcript, candidate: PracticeTranscript.candidate)
        var scores = report?.suggestedScores.byDimension ?? [:]
        if state.type == .coding {
            scores["coding_execution"] = canRun ? Self.executionScore(state.runs) : nil
            // The plan is often said while still clarifying: both phases before the code count.
            let approach = state.turns.filter { $0.speaker == .candidate && Self.beforeCode.contains($0.phase) && $0.kind == .answer }
            let words = approach.reduce(0) { $0 + Tokenizer.wordCount($1.text) }
            scores["approach_verbalization"] = words >= 60 ? 3 : (words >= 20 ? 2 : 1)
        }
        let evidence = ScoreEvidence(turns: state.turns)
        let measured = gaps.values.contains { $0.pairs >= minPairs }
        let dimensions = rubric.dimensions.map { d -> DimensionFeedback in
            let score = report == nil ? nil : scores[d.key]
            let quotes =
                d.key == "coding_execution"
                ? state.runs.map {
                    Quote(
                        at: $0.at,
                        text: "Run: \($0.passed)/\($0.total) tests passed (\($0.verdict.rawValue.replacingOccurrences(of: "_", with: " ")))"
                    )
                }.suffix(3).map { $0 }
                : evidence.quotes(for: d.key)
            return DimensionFeedback(
                key: d.key, name: d.name, aiScore: score,
                calibrated: score.map { CalibrationGap.calibrated(aiScore: $0, gap: gaps[d.key], minPairs: minPairs) },
                evidence: quotes, reason: reason(d.key, score: score, quotes: quotes, report: report))
        }
        let flags = (report?.redFlags ?? []).map { FlagFeedback(flag: $0, label: $0.label) }
        let pauses = state.pauses.count
        let topFix = report?.topFix ?? "The candidate said nothing: no feedback to give."
        return PracticeFeedback(
            label: "AI score",
            calibrationNote: measured
                ? "Calibrated: your measured AI-vs-human gap per dimension is taken off (dimensions with fewer than \(minPairs) paired sessions lose 0.5)."
                : "Calibrated conservatively (0.5 off every score): AI tools over-score, and you have fewer than \(minPairs) human-scored sessions to measure your own gap.",
            dimensions: dimensions, redFlags: flags, topFix: topFix,
            summary: summary(dimensions, flags: flags, topFix: topFix),
            pauses: pauses, pauseNote: pauses == 0 ? nil : "Paused \(pauses) time\(pauses == 1 ? "" : "s"): real interviews don't pause.",
            hintsUsed: state.hintsUsed, skips: state.skips,
            retro: retro(dimensions, flags: flags, topFix: topFix, rubric: rubric))
    }

    static let beforeCode: Set<String> = ["clarify", "approach"]

    static func executionScore(_ runs: [PracticeRun]) -> Int {
        guard let last = runs.last, last.compiled, last.total > 0 else { return 1 }
        if last.passed == last.total { return 3 }
        return last.passed * 2 >= last.total ? 2 : 1
    }

    static func reason(_ key: String, score: Int?, quotes: [Quote], report: AnalysisReport?) -> String {
        guard let score else { return "Not scored by AI: the answers cannot show this; score it yourself or with a partner." }
        if key == "communication" {
            if let f = report?.fillers.perMinute { return "Fillers: \(String(format: "%.1f", f)) per minute." }
            return "Typed answers: fillers and pace unmeasured, so this stays at 2."
        }
        if key == "coding_execution" { return quotes.isEmpty ? "No code was run against the tests." : "From the last test run." }
        if quotes.isEmpty { return "Nothing said in the session shows this (AI score \(score))." }
        return "\(quotes.count) quoted moment\(quotes.count == 1 ? "" : "s") below."
    }

    static func summary(_ dims: [DimensionFeedback], flags: [FlagFeedback], topFix: String) -> String {
        let scored = dims.filter { $0.aiScore != nil }
        let strong = scored.filter { $0.aiScore == 3 }.map(\.name)
        let weak = scored.filter { $0.aiScore == 1 }.map(\.name)
        var parts: [String] = []
        if !strong.isEmpty { parts.append("Strongest: \(strong.joined(separator: ", ")).") }
        if !weak.isEmpty { parts.append("Weakest: \(weak.joined(separator: ", ")).") }
        if !flags.isEmpty { parts.append("Red flags: \(flags.map { $0.label.lowercased() }.joined(separator: "; ")).") }
        parts.append(topFix)
        return parts.joined(separator: " ")
    }

    /// A suggestion only: the user edits and confirms it, and it still carries exactly one fix.
    static func retro(_ dims: [DimensionFeedback], flags: [FlagFeedback], topFix: String, rubric: Rubric) -> RetroDraft {
        let scored = dims.filter { $0.aiScore != nil }
        let best = scored.max { ($0.aiScore!, -$0.key.count) < ($1.aiScore!, -$1.key.count) }
        let worst = scored.min { $0.aiScore! < $1.aiScore! } ?? dims.first
        let well = best.map { b in
            "\(b.name): " + (b.evidence.first.map { "\"\($0.text)\"" } ?? "AI score \(b.aiScore!).")
        }
        let wrong =
            flags.isEmpty
            ? worst.map { "\($0.name) scored lowest (AI score \($0.aiScore ?? 1)). \($0.reason)" }
            : flags.map(\.label).joined(separator: "; ") + "."
        let drill = worst.flatMap { rubric.dimension($0.key) }.map {
            "Three timed reps aimed only at \($0.name.lowercased()), out loud: before each, reread what a 3 looks like; after, score yourself on it."
        }
        // Without a red flag the analyzer's fix is generic: aim the fix at the weakest dimension's 3.
        let fix = worst.map { w in
            PriorityFix(
                dimension: w.key,
                text: flags.isEmpty ? rubric.dimension(w.key).map { "\($0.name): aim for a 3. \($0.score3)" } ?? topFix : topFix)
        }
        return RetroDraft(wentWell: well, wentWrong: wrong, priorityFix: fix, drill: drill)
    }
}
