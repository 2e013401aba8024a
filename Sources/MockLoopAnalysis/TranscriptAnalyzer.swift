import MockLoopCore

/// Analyses a whole transcript: splits it into candidate answers, runs every detector on each,
/// and sums up: overall pace and fillers, red flags, AI-suggested scores and the one fix.
public struct TranscriptAnalyzer: Sendable {
    public var kind: InterviewType
    public var thresholds: AnalysisThresholds

    public init(kind: InterviewType, thresholds: AnalysisThresholds = AnalysisThresholds()) {
        self.kind = kind
        self.thresholds = thresholds
    }

    /// The candidate is the named speaker, else the one who talks most.
    public func analyze(_ transcript: Transcript, candidate: String? = nil) throws -> AnalysisReport {
        let speakers = transcript.speakersByWords
        let name: String
        if let candidate {
            guard let match = speakers.first(where: { $0.name.lowercased() == candidate.lowercased() }) else {
                throw TranscriptError(
                    "no speaker named '\(candidate)' (speakers: \(speakers.map { $0.name.isEmpty ? "unlabelled" : $0.name }.joined(separator: ", ")))"
                )
            }
            name = match.name
        } else {
            name = speakers.first?.name ?? ""
        }
        let answerer = AnswerAnalyzer(kind: kind, thresholds: thresholds)
        var answers: [AnswerAnalysis] = []
        var turn: [Segment] = []
        var lastQuestion: Segment?
        var previousAnswer: String?
        func closeTurn() {
            guard !turn.isEmpty else { return }
            let t = AnswerAnalyzer.Turn(segments: turn)
            answers.append(
                answerer.analyze(t, questionEnd: lastQuestion?.end, previousAnswer: previousAnswer, interviewerQuestion: lastQuestion?.text)
            )
            previousAnswer = t.text
            turn = []
        }
        for segment in transcript.segments {
            if (segment.speaker ?? "") == name {
                turn.append(segment)
            } else {
                closeTurn()
                if let q = lastQuestion, q.speaker == segment.speaker, let end = segment.end {
                    lastQuestion = Segment(start: q.start, end: end, speaker: q.speaker, text: q.text + " " + segment.text)
                } else {
                    lastQuestion = segment
                }
            }
        }
        closeTurn()
        guard !answers.isEmpty else { throw TranscriptError("the candidate '\(name)' says nothing") }
        answers = transcriptFlags(answers)
        return summarize(answers, transcript: transcript, candidate: name)
    }

    /// Flags that judge the interview as a whole land on its main (first substantial) answer.
    func transcriptFlags(_ answers: [AnswerAnalysis]) -> [AnswerAnalysis] {
        var out = answers
        guard kind != .behavioral, let main = out.firstIndex(where: { $0.words >= 30 }) ?? out.indices.first else { return out }
        // A question asked in a short turn before the main answer counts too.
        if out[...main].allSatisfy({ $0.clarifyingQuestions == 0 }) { out[main].redFlags.append(.noClarifyingQuestions) }
        if kind == .coding && out.allSatisfy({ $0.technical.complexity.isEmpty }) { out[main].redFlags.append(.noComplexity) }
        out[main].redFlags.sort()
        return out
    }

    func summarize(_ answers: [AnswerAnalysis], transcript: Transcript, candidate: String) -> AnalysisReport {
        let timed = transcript.isTimed
        let words = answers.reduce(0) { $0 + $1.words }
        let duration = timed ? answers.compactMap(\.durationSeconds).reduce(0, +) : nil
        let fillerTotal = answers.reduce(0) { $0 + $1.fillers.total }
        var byWord: [String: Int] = [:]
        for a in answers { byWord.merge(a.fillers.byWord, uniquingKeysWith: +) }
        let minutes = duration.flatMap { $0 > 0 ? $0 / 60 : nil }
        let allPauses = answers.flatMap(\.pauses)
        let paused = allPauses.filter { $0.durationSeconds >= thresholds.paceExcludesPausesOverSeconds }.reduce(0) {
            $0 + $1.durationSeconds
        }
        let pauses =
            timed
            ? AnalysisReport.Pauses(
                count: allPauses.count, silences: allPauses.filter(\.isSilence).count,
                longestSeconds: allPauses.map(\.durationSeconds).max(),
                wordsPerMinuteWithoutPauses: minutes.flatMap { m in m - paused / 60 > 0 ? Double(words) / (m - paused / 60) : nil }) : nil
        let flags = Array(Set(answers.flatMap(\.redFlags))).sorted()
        let asr = transcript.format != .text
        let report = AnalysisReport(
            source: .init(
                format: transcript.format.rawValue, timed: timed, fillersAreLowerBound: asr,
                note: asr
                    ? "Fillers from speech-to-text captions are a lower bound: captioning drops many of them."
                    : timed ? "Timed transcript." : "Plain text has no timings: pace, pauses and silences are unavailable."),
            candidate: candidate, durationSeconds: duration, words: words,
            wordsPerMinute: minutes.map { Double(words) / $0 },
            fillers: .init(total: fillerTotal, perMinute: minutes.map { Double(fillerTotal) / $0 }, byWord: byWord),
            pauses: pauses, timeToFirstWordSeconds: timed ? answers.first?.timeToFirstWordSeconds : nil,
            answers: answers, redFlags: flags,
            suggestedScores: SuggestedScores(kind: kind, thresholds: thresholds).suggest(
                answers, fillersPerMinute: minutes.map { Double(fillerTotal) / $0 }),
            topFix: "")
        var final = report
        final.topFix = TopFix(thresholds: thresholds, kind: kind).sentence(for: report)
        return final
    }
}

extension TranscriptAnalyzer {
    /// The last candidate answer, judged as the main answer of the interview (as a single
    /// answer would be): what the labelled fixtures check.
    func analyzeLastAnswer(_ transcript: Transcript, candidate: String) throws -> AnswerAnalysis {
        let report = try analyze(transcript, candidate: candidate)
        var last = report.answers.last!
        last.redFlags.removeAll { $0 == .noClarifyingQuestions || $0 == .noComplexity }
        let alone = transcriptFlags([last])
        return alone[0]
    }
}
