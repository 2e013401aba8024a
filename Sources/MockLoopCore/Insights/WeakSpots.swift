import Foundation

/// Dimensions that score low again and again. Claimed only once there is enough evidence;
/// before that, says how many more scored sessions are needed instead of guessing.
public struct WeakSpots: Codable, Sendable, Equatable {
    public struct Spot: Codable, Sendable, Equatable {
        public var dimension: String
        public var mean: Double
        /// Sessions that scored this dimension 1: the evidence.
        public var lowSessions: [UUID]
    }

    public var scoredSessions: Int
    public var threshold: Int
    /// Scored sessions still needed before weak spots are claimed (0 once there are enough).
    public var sessionsNeeded: Int
    public var spots: [Spot]

    /// A dimension is weak when its mean is at or under `weakMean`, or at least `lowShare`
    /// of its scores are 1s. Ties keep rubric order.
    public static func find(_ entries: [LogEntry], rubric: Rubric, threshold: Int = 10,
                            weakMean: Double = 2.0, lowShare: Double = 0.4) -> WeakSpots {
        let scored = entries.filter { !$0.scores.interviewerScores.isEmpty }
        guard scored.count >= threshold else {
            return WeakSpots(scoredSessions: scored.count, threshold: threshold, sessionsNeeded: threshold - scored.count, spots: [])
        }
        var spots: [Spot] = []
        for d in rubric.dimensions {
            let pairs = scored.compactMap { e in e.scores.interviewerScores[d.key].map { (e.id, $0.score) } }
            guard !pairs.isEmpty else { continue }
            let mean = Double(pairs.reduce(0) { $0 + $1.1 }) / Double(pairs.count)
            let lows = pairs.filter { $0.1 == 1 }.map(\.0)
            if mean <= weakMean || Double(lows.count) / Double(pairs.count) >= lowShare {
                spots.append(Spot(dimension: d.key, mean: mean, lowSessions: lows))
            }
        }
        let ordered = spots.enumerated().sorted { a, b in a.element.mean != b.element.mean ? a.element.mean < b.element.mean : a.offset < b.offset }.map(\.element)
        return WeakSpots(scoredSessions: scored.count, threshold: threshold, sessionsNeeded: 0, spots: ordered)
    }
}
