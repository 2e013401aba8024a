import Foundation

/// The gap between two kinds of score on one dimension: self vs interviewer (over- or
/// under-confidence), or AI vs human (AI tools over-score). Positive means the first scores higher.
public struct CalibrationGap: Codable, Sendable, Equatable {
    public var dimension: String
    public var pairs: Int
    public var meanGap: Double?

    /// Self-score minus interviewer score, over sessions that have both.
    public static func selfVsInterviewer(_ entries: [LogEntry], rubric: Rubric) -> [CalibrationGap] {
        rubric.dimensions.map { d in
            let diffs = entries.compactMap { e -> Double? in
                guard let s = e.scores.selfScores[d.key], let i = e.scores.interviewerScores[d.key]?.score else { return nil }
                return Double(s - i)
            }
            return CalibrationGap(dimension: d.key, pairs: diffs.count, meanGap: diffs.isEmpty ? nil : diffs.reduce(0, +) / Double(diffs.count))
        }
    }

    /// Mean AI-session score minus mean human-observed score, per dimension, for one user.
    /// `pairs` is the smaller of the two sample sizes: the evidence is only as strong as that.
    public static func aiVsHuman(_ entries: [LogEntry], rubric: Rubric) -> [CalibrationGap] {
        rubric.dimensions.map { d in
            let ai = entries.filter { $0.mode == .ai }.compactMap { $0.scores.interviewerScores[d.key]?.score }
            let human = entries.filter { $0.mode.isHumanObserved }.compactMap { $0.scores.interviewerScores[d.key]?.score }
            guard !ai.isEmpty, !human.isEmpty else { return CalibrationGap(dimension: d.key, pairs: 0, meanGap: nil) }
            let gap = Double(ai.reduce(0, +)) / Double(ai.count) - Double(human.reduce(0, +)) / Double(human.count)
            return CalibrationGap(dimension: d.key, pairs: min(ai.count, human.count), meanGap: gap)
        }
    }

    /// An AI score with the user's measured over-scoring taken off once there are `minPairs`
    /// paired sessions; until then a conservative default is taken off. Clamped to 1–3.
    public static func calibrated(aiScore: Int, gap: CalibrationGap?, minPairs: Int = 3, defaultGap: Double = 0.5) -> Double {
        let g = (gap?.pairs ?? 0) >= minPairs ? (gap?.meanGap ?? defaultGap) : defaultGap
        return min(3, max(1, Double(aiScore) - g))
    }
}
