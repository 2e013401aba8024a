import Foundation

/// The one clock of a live room, kept by the server and stored with the room: started and
/// paused by the interviewer, who also moves the phases (the practice engine's plan for the
/// type). Both sides draw it from this state, so a reload or another instance reads the same time.
public struct RoomClock: Codable, Sendable, Equatable {
    public var minutes: Int
    public var phases: [PracticePhase]
    public var startedAt: Date?
    /// Set while paused: the clock stands still from this moment.
    public var pausedAt: Date?
    public var pausedSeconds: Double
    public var pauses: Int
    /// The phase the interviewer has moved to.
    public var phase: Int
    public var endedAt: Date?

    public init(type: InterviewType, minutes: Int) {
        self.minutes = minutes
        phases = PhasePlan.phases(for: type, minutes: minutes)
        pausedSeconds = 0
        pauses = 0
        phase = 0
    }

    public var running: Bool { startedAt != nil && pausedAt == nil && endedAt == nil }

    /// Seconds on the clock at `now`: pauses do not count, and the clock stops at the end.
    public func elapsed(at now: Date) -> Double {
        guard let startedAt else { return 0 }
        let until = endedAt ?? pausedAt ?? now
        return max(0, until.timeIntervalSince(startedAt) - pausedSeconds)
    }

    /// The current phase has run past its planned end: the nudge both sides see.
    public func overrun(at now: Date) -> Bool {
        guard startedAt != nil, phases.indices.contains(phase) else { return false }
        return elapsed(at: now) > phases[phase].end
    }

    public mutating func start(at now: Date) throws {
        guard startedAt == nil else { throw MockLoopError(.conflict, "the clock has already started") }
        startedAt = now
    }

    public mutating func pause(at now: Date) throws {
        guard running else { throw MockLoopError(.conflict, "the clock is not running") }
        pausedAt = now
        pauses += 1
    }

    public mutating func resume(at now: Date) throws {
        guard let pausedAt, endedAt == nil else { throw MockLoopError(.conflict, "the clock is not paused") }
        pausedSeconds += max(0, now.timeIntervalSince(pausedAt))
        self.pausedAt = nil
    }

    public mutating func move(to index: Int) throws {
        guard startedAt != nil, endedAt == nil else { throw MockLoopError(.conflict, "start the clock before moving phases") }
        guard phases.indices.contains(index) else {
            throw MockLoopError.invalid("phase", "must be from 0 to \(phases.count - 1)")
        }
        phase = index
    }

    public mutating func end(at now: Date) {
        if let pausedAt {
            pausedSeconds += max(0, now.timeIntervalSince(pausedAt))
            self.pausedAt = nil
        }
        if startedAt == nil { startedAt = now }
        endedAt = now
    }

    /// Whole minutes on the clock, at least one: the duration the session records.
    public func minutesElapsed(at now: Date) -> Int { max(1, Int((elapsed(at: now) / 60).rounded())) }
}
