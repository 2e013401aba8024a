import Foundation

/// Dimensions that score low again and again. Claimed only once there is enough evidence;
/// before that, says how many more scored sessions are needed instead of guessing.
public struct WeakSpots: Codable, Sendable, Equatable {
    public struct Spot: Codable, Sendable, Equatable {
        public var dimension: String
        public var mean: Double
        /// Sessions that scored this dimension 1: the evidence (most recent last), and their dates.
        public var lowSessions: [UUID]
        public var lowDates: [Date]
    }

    public var scoredSessions: Int
    public var threshold: Int
    /// Scored sessions still needed before weak spots are claimed (0 once there are enough).
    public var sessionsNeeded: Int
    public var spots: [Spot]

    /// A dimension is weak when its mean is at or under `weakMean`, or at least `lowShare`
    /// of its scores are 1s. Ties keep rubric order.
    public static func find(
        _ entries: [LogEntry], rubric: Rubric, threshold: Int = 10,
        weakMean: Double = 2.0, lowShare: Double = 0.4
    ) -> WeakSpots {
        find(
            aggregate: .from(entries), recent: entries, rubric: rubric, threshold: threshold,
            weakMean: weakMean, lowShare: lowShare, evidence: .max)
    }

    /// The decision reads the whole window's aggregate; the evidence lists the most recent
    /// `evidence` sessions among `recent` (date order) that scored the dimension 1.
    public static func find(
        aggregate: WindowAggregate, recent: [LogEntry], rubric: Rubric, threshold: Int = 10,
        weakMean: Double = 2.0, lowShare: Double = 0.4, evidence: Int = 5
    ) -> WeakSpots {
        let scored = aggregate.scoredSessions
        guard scored >= threshold else {
            return WeakSpots(scoredSessions: scored, threshold: threshold, sessionsNeeded: threshold - scored, spots: [])
        }
        var spots: [Spot] = []
        for d in rubric.dimensions {
            guard let tally = aggregate.tallies[d.key], let mean = tally.mean else { continue }
            if mean <= weakMean || Double(tally.ones) / Double(tally.count) >= lowShare {
                let lows = recent.filter { $0.scores.interviewerScores[d.key]?.score == 1 }.suffix(evidence)
                spots.append(Spot(dimension: d.key, mean: mean, lowSessions: lows.map(\.id), lowDates: lows.map(\.date)))
            }
        }
        let ordered = spots.enumerated().sorted { a, b in
            a.element.mean != b.element.mean ? a.element.mean < b.element.mean : a.offset < b.offset
        }.map(\.element)
        return WeakSpots(scoredSessions: scored, threshold: threshold, sessionsNeeded: 0, spots: ordered)
    }
}
