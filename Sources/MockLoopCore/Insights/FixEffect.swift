import Foundation

/// Did a priority fix work? Its dimension's interviewer score in the sessions before the fix
/// and in the sessions after it, and whether its drill was done.
public struct FixEffect: Codable, Sendable, Equatable {
    /// `noBaseline`: the dimension was never scored before the fix, so there is nothing to compare.
    public enum Verdict: String, Codable, Sendable {
        case moved
        case notYet = "not_yet"
        case tooEarly = "too_early"
        case noBaseline = "no_baseline"
    }

    public var sessionID: UUID
    public var dimension: String
    public var fix: String
    public var drillDone: Bool
    public var before: Double?
    public var after: Double?
    public var verdict: Verdict

    /// `entries` in date order. Compares up to `window` scored sessions on each side; the session
    /// that set the fix counts as "before".
    public static func compute(_ entries: [LogEntry], window: Int = 3) -> [FixEffect] {
        entries.enumerated().compactMap { index, e in
            guard let retro = e.retro else { return nil }
            let dim = retro.priorityFix.dimension
            func mean(_ slice: ArraySlice<LogEntry>) -> Double? {
                let s = slice.compactMap { $0.scores.interviewerScores[dim]?.score }
                return s.isEmpty ? nil : Double(s.reduce(0, +)) / Double(s.count)
            }
            let before = mean(entries[...index].filter { $0.scores.interviewerScores[dim] != nil }.suffix(window)[...])
            let after = mean(entries[(index + 1)...].filter { $0.scores.interviewerScores[dim] != nil }.prefix(window)[...])
            let verdict: Verdict
            if let after, let before {
                verdict = after > before ? .moved : .notYet
            } else {
                verdict = after == nil ? .tooEarly : .noBaseline
            }
            return FixEffect(
                sessionID: e.id, dimension: dim, fix: retro.priorityFix.text, drillDone: retro.drill.done,
                before: before, after: after, verdict: verdict)
        }
    }
}
