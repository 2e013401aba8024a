import Foundation

/// The gap between two kinds of score on one dimension: self vs interviewer (over- or
/// under-confidence), or AI vs human (AI tools over-score). Positive means the first scores higher.
public struct CalibrationGap: Codable, Sendable, Equatable {
    public var dimension: String
    public var pairs: Int
    public var meanGap: Double?

    public init(dimension: String, pairs: Int, meanGap: Double?) {
        self.dimension = dimension
        self.pairs = pairs
        self.meanGap = meanGap
    }

    /// Self-score minus interviewer score, over sessions that have both.
    public static func selfVsInterviewer(_ entries: [LogEntry], rubric: Rubric) -> [CalibrationGap] {
        selfVsInterviewer(.from(entries), rubric: rubric)
    }

    public static func selfVsInterviewer(_ aggregate: WindowAggregate, rubric: Rubric) -> [CalibrationGap] {
        rubric.dimensions.map { d in
            let t = aggregate.tallies[d.key] ?? WindowAggregate.Tally()
            return CalibrationGap(
                dimension: d.key, pairs: t.selfPairs, meanGap: t.selfPairs == 0 ? nil : Double(t.selfGapSum) / Double(t.selfPairs))
        }
    }

    /// Mean AI-session score minus mean human-observed score, per dimension, for one user.
    /// `pairs` is the smaller of the two sample sizes: the evidence is only as strong as that.
    public static func aiVsHuman(_ entries: [LogEntry], rubric: Rubric) -> [CalibrationGap] {
        aiVsHuman(.from(entries), rubric: rubric)
    }

    public static func aiVsHuman(_ aggregate: WindowAggregate, rubric: Rubric) -> [CalibrationGap] {
        rubric.dimensions.map { d in
            let t = aggregate.tallies[d.key] ?? WindowAggregate.Tally()
            guard t.aiCount > 0, t.humanCount > 0 else { return CalibrationGap(dimension: d.key, pairs: 0, meanGap: nil) }
            let gap = Double(t.aiSum) / Double(t.aiCount) - Double(t.humanSum) / Double(t.humanCount)
            return CalibrationGap(dimension: d.key, pairs: min(t.aiCount, t.humanCount), meanGap: gap)
        }
    }

    /// An AI score with the user's measured over-scoring taken off once there are `minPairs`
    /// paired sessions; until then a conservative default is taken off. Clamped to 1–3.
    public static func calibrated(aiScore: Int, gap: CalibrationGap?, minPairs: Int = 3, defaultGap: Double = 0.5) -> Double {
        let g = (gap?.pairs ?? 0) >= minPairs ? (gap?.meanGap ?? defaultGap) : defaultGap
        return min(3, max(1, Double(aiScore) - g))
    }
}
