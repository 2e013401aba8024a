import Foundation

/// Everything the insights need from ALL sessions of a window, reduced to counts and sums so
/// the database can compute it in one pass (GROUP BY) however many sessions there are. The
/// same values come from `from(_:)` over plain entries: the unit tests use it, and the store
/// tests check that the SQL agrees with it.
public struct WindowAggregate: Codable, Sendable, Equatable {
    /// Interviewer scores of one dimension, split by who judged: a human or the AI interviewer.
    public struct Tally: Codable, Sendable, Equatable {
        public var count = 0
        public var sum = 0
        /// Scores of 1: the evidence of a weak spot.
        public var ones = 0
        public var aiCount = 0
        public var aiSum = 0
        public var humanCount = 0
        public var humanSum = 0
        /// Sessions with both a self-score and an interviewer score, and Σ(self − interviewer).
        public var selfPairs = 0
        public var selfGapSum = 0

        public init() {}

        public var mean: Double? { count == 0 ? nil : Double(sum) / Double(count) }
    }

    public var sessions = 0
    /// Sessions with at least one interviewer score.
    public var scoredSessions = 0
    public var tallies: [String: Tally] = [:]
    public var withDifficulty = 0
    public var mediumHard = 0
    public var repeats = 0
    public var wentEasy = 0
    public var aiSessions = 0
    /// Completed, human-observed, not easy, scored: the sessions readiness counts.
    public var qualifying = 0

    public init() {}

    /// Whether a session counts toward readiness (shared with the SQL in the store).
    public static func qualifies(_ e: LogEntry) -> Bool {
        e.mode.isHumanObserved && e.status == .completed && (e.difficulty ?? .medium) != .easy && e.averageScore != nil
    }

    public static func from(_ entries: [LogEntry]) -> WindowAggregate {
        var a = WindowAggregate()
        for e in entries {
            a.sessions += 1
            if !e.scores.interviewerScores.isEmpty { a.scoredSessions += 1 }
            if let d = e.difficulty {
                a.withDifficulty += 1
                if d != .easy { a.mediumHard += 1 }
            }
            if e.isRepeat { a.repeats += 1 }
            if e.scores.wentEasy { a.wentEasy += 1 }
            if e.mode == .ai { a.aiSessions += 1 }
            if qualifies(e) { a.qualifying += 1 }
            for (key, score) in e.scores.interviewerScores {
                var t = a.tallies[key] ?? Tally()
                t.count += 1
                t.sum += score.score
                if score.score == 1 { t.ones += 1 }
                if e.mode == .ai {
                    t.aiCount += 1
                    t.aiSum += score.score
                }
                if e.mode.isHumanObserved {
                    t.humanCount += 1
                    t.humanSum += score.score
                }
                if let s = e.scores.selfScores[key] {
                    t.selfPairs += 1
                    t.selfGapSum += s - score.score
                }
                a.tallies[key] = t
            }
        }
        return a
    }
}
