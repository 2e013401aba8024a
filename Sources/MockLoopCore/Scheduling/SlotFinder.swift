import Foundation

/// Start times when two people are both free for a whole mock, from the quarter hours they share
/// over a window (less the mocks either has booked): what a request offers, what an answer is
/// checked against, and what "the best slots to book now" lists.
public struct SlotFinder: Sendable {
    /// Both people's free quarters, over the same window.
    public private(set) var shared: QuarterSet
    public let window: ZoneQuarters

    public init(shared: QuarterSet, window: ZoneQuarters) {
        self.shared = shared
        self.window = window
    }

    /// Takes out a time either side has already booked.
    public mutating func reserve(_ start: Date, minutes: Int) {
        let first = Int((start.timeIntervalSince(window.start) / 900).rounded(.down))
        let last = Int((start.addingTimeInterval(TimeInterval(minutes * 60)).timeIntervalSince(window.start) / 900).rounded(.up))
        for q in max(0, first)..<min(shared.count, max(first, last)) where q >= 0 { shared.remove(q) }
    }

    /// Up to `limit` starts on the half hour, earliest first, at most `perDay` in one 24-hour
    /// stretch of the window so the choices spread over the days; none before `notBefore`.
    public func starts(minutes: Int, notBefore: Date, limit: Int = 12, perDay: Int = 2) -> [Date] {
        let need = Self.quarters(minutes)
        var out: [Date] = []
        var perStretch: [Int: Int] = [:]
        for run in shared.runs where run.length >= need {
            var q = run.start
            while q + need <= run.start + run.length, out.count < limit {
                let date = window.date(q)
                let stretch = q / WeeklyAvailability.quartersPerDay
                if date >= notBefore, Int(date.timeIntervalSince1970) % 1800 == 0, perStretch[stretch, default: 0] < perDay {
                    out.append(date)
                    perStretch[stretch, default: 0] += 1
                    // The next choice starts after this mock, not inside it.
                    q += need
                    continue
                }
                q += 1
            }
        }
        return out
    }

    /// Whether a mock of `minutes` starting at `start` lies wholly in the shared time.
    public func fits(_ start: Date, minutes: Int) -> Bool {
        let offset = start.timeIntervalSince(window.start)
        guard offset >= 0, offset.truncatingRemainder(dividingBy: 900) == 0 else { return false }
        let first = Int(offset / 900)
        return (first..<first + Self.quarters(minutes)).allSatisfy(shared.contains)
    }

    static func quarters(_ minutes: Int) -> Int { (minutes + 14) / 15 }
}
