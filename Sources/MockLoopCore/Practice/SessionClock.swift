import Foundation

/// The clock of a mock run by people (a peer, a friend, a paid interviewer): the practice
/// engine's phase plan for the type, started when the clock starts. It reads where the session
/// stands at any moment — elapsed time, the phase the plan puts it in, and whether that phase
/// has run over — for the session page now and for live rooms later.
public struct SessionClock: Codable, Sendable, Equatable {
    public struct Reading: Sendable, Equatable {
        public var elapsed: Double
        /// The phase the plan puts this moment in (the last one once the time is up).
        public var phase: Int
        /// Past the planned end of the whole mock.
        public var overtime: Bool

        /// "13:05 · Code (5:00–30:00)"
        public func text(_ clock: SessionClock) -> String {
            let p = clock.phases[phase]
            return "\(ClockText.mmss(elapsed)) · \(p.title) (\(ClockText.mmss(p.start))–\(ClockText.mmss(p.end)))"
        }
    }

    public var startedAt: Date
    public var minutes: Int
    public var phases: [PracticePhase]

    public init(type: InterviewType, minutes: Int? = nil, startedAt: Date) {
        let length = minutes ?? PhasePlan.defaultMinutes(type)
        self.startedAt = startedAt
        self.minutes = length
        phases = PhasePlan.phases(for: type, minutes: length)
    }

    public func reading(at now: Date) -> Reading {
        let elapsed = max(0, now.timeIntervalSince(startedAt))
        let index = phases.firstIndex { elapsed < $0.end } ?? phases.count - 1
        return Reading(elapsed: elapsed, phase: max(0, index), overtime: elapsed >= Double(minutes * 60))
    }

    /// Whole minutes on the clock, at least one: the duration a finished session records.
    public func minutesElapsed(at now: Date) -> Int { max(1, Int(reading(at: now).elapsed / 60)) }
}
