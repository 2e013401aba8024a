import Foundation

/// How one rubric dimension is going: mean interviewer score, the trend over recent sessions
/// in plain words, and how many sessions stand behind the figures.
public struct DimensionTrend: Codable, Sendable, Equatable {
    public enum Direction: String, Codable, Sendable { case improving, flat, slipping }

    public var dimension: String
    public var sessions: Int
    public var mean: Double?
    /// Change in score per session over the recent window (least squares); nil under 2 points.
    public var slope: Double?
    public var direction: Direction?

    /// A slope smaller than this per session is noise, not a trend.
    public static let flatBand = 0.05

    /// `entries` in date order; the trend reads the last `window` scored sessions.
    public static func compute(_ entries: [LogEntry], rubric: Rubric, window: Int = 10) -> [DimensionTrend] {
        compute(aggregate: .from(entries), recent: entries, rubric: rubric, window: window)
    }

    /// Means and counts from the whole window's aggregate; the trend from the most recent
    /// sessions (`recent`, in date order).
    public static func compute(aggregate: WindowAggregate, recent: [LogEntry], rubric: Rubric, window: Int = 10) -> [DimensionTrend] {
        rubric.dimensions.map { d in
            let tally = aggregate.tallies[d.key] ?? WindowAggregate.Tally()
            let scores = recent.compactMap { $0.scores.interviewerScores[d.key]?.score }.map(Double.init)
            let slope = Self.slope(Array(scores.suffix(window)))
            let direction = slope.map { $0 > flatBand ? Direction.improving : ($0 < -flatBand ? .slipping : .flat) }
            return DimensionTrend(dimension: d.key, sessions: tally.count, mean: tally.mean, slope: slope, direction: direction)
        }
    }

    /// Least-squares slope of y over 0, 1, 2, …
    static func slope(_ ys: [Double]) -> Double? {
        guard ys.count >= 2 else { return nil }
        let n = Double(ys.count)
        let meanX = (n - 1) / 2
        let meanY = ys.reduce(0, +) / n
        var num = 0.0
        var den = 0.0
        for (i, y) in ys.enumerated() {
            num += (Double(i) - meanX) * (y - meanY)
            den += (Double(i) - meanX) * (Double(i) - meanX)
        }
        return num / den
    }
}
