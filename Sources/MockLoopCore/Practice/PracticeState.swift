import Foundation

/// Everything about a timed mock in progress, kept on the server so a reload, a dropped
/// connection or a second terminal resumes exactly where it was.
public struct PracticeState: Codable, Sendable, Equatable {
    /// A pause: the clock stops, and the result shows how many ("real interviews don't pause").
    public struct PauseSpan: Codable, Sendable, Equatable {
        public var start: Date
        public var end: Date?

        public init(start: Date, end: Date?) {
            self.start = start
            self.end = end
        }
    }

    /// When a phase was entered and left, on the session clock; the result shows overruns.
    public struct PhaseVisit: Codable, Sendable, Equatable {
        public var key: String
        public var start: Double
        public var end: Double?
    }

    public var sessionId: UUID
    public var type: InterviewType
    public var minutes: Int
    public var seed: UInt64
    public var phases: [PracticePhase]
    public var phaseIndex: Int
    /// The question, or one per story prompt in a behavioral mock.
    public var questionIds: [String]
    public var startedAt: Date
    public var pauses: [PauseSpan]
    public var status: PracticeStatus
    public var hintsUsed: Int
    public var skips: Int
    public var turns: [PracticeTurn]
    /// Probes already made, as "<prompt>:<rule>", so no rule fires twice on the same question.
    public var probed: [String]
    public var visits: [PhaseVisit]
    public var code: String
    public var language: Language
    public var runs: [PracticeRun]
    /// Clock seconds when the session ended (time up, done or quit).
    public var endedAt: Double?

    public init(
        sessionId: UUID, type: InterviewType, minutes: Int, seed: UInt64, questionIds: [String], startedAt: Date,
        language: Language = .python
    ) {
        self.sessionId = sessionId
        self.type = type
        self.minutes = minutes
        self.seed = seed
        self.phases = PhasePlan.phases(for: type, minutes: minutes, prompts: type == .behavioral ? questionIds.count : nil)
        self.phaseIndex = 0
        self.questionIds = questionIds
        self.startedAt = startedAt
        self.pauses = []
        self.status = .active
        self.hintsUsed = 0
        self.skips = 0
        self.turns = []
        self.probed = []
        self.visits = [PhaseVisit(key: phases.first?.key ?? "", start: 0, end: nil)]
        self.code = ""
        self.language = language
        self.runs = []
        self.endedAt = nil
    }

    public var phase: PracticePhase { phases[min(phaseIndex, phases.count - 1)] }
    public var isLastPhase: Bool { phaseIndex >= phases.count - 1 }
    public var totalSeconds: Double { Double(minutes * 60) }

    /// The prompt being answered: behavioral mocks move to the next story with each phase.
    public var promptIndex: Int { type == .behavioral ? min(phaseIndex, questionIds.count - 1) : 0 }
    public var questionId: String { questionIds[promptIndex] }

    /// Seconds the clock has run: wall time since the start minus pauses, never past the end.
    public func clock(at now: Date) -> Double {
        if let endedAt { return endedAt }
        let paused = pauses.reduce(0.0) { $0 + max(0, ($1.end ?? now).timeIntervalSince($1.start)) }
        return min(totalSeconds, max(0, now.timeIntervalSince(startedAt) - paused))
    }

    public func remaining(at now: Date) -> Double { max(0, totalSeconds - clock(at: now)) }

    public func isTimeUp(at now: Date) -> Bool { clock(at: now) >= totalSeconds }

    /// Seconds past the current phase's planned end (0 while on plan).
    public func overrun(at now: Date) -> Double { max(0, clock(at: now) - phase.end) }

    /// The turns of the current prompt: what the interviewer reacts to.
    public var promptTurns: ArraySlice<PracticeTurn> {
        guard type == .behavioral else { return turns[...] }
        let key = phase.key
        return turns.drop { $0.phase != key }
    }

    public func probedHere(_ rule: String) -> Bool { probed.contains("\(promptIndex):\(rule)") }

    public mutating func markProbed(_ rule: String) { probed.append("\(promptIndex):\(rule)") }

    /// Moves to the next phase, closing the visit to this one.
    public mutating func advancePhase(at clock: Double) {
        guard !isLastPhase else { return }
        if !visits.isEmpty { visits[visits.count - 1].end = clock }
        phaseIndex += 1
        visits.append(PhaseVisit(key: phase.key, start: clock, end: nil))
    }

    /// Stops the clock for good.
    public mutating func end(_ status: PracticeStatus, at now: Date) {
        let c = clock(at: now)
        if let open = pauses.indices.last, pauses[open].end == nil { pauses[open].end = now }
        if !visits.isEmpty, visits[visits.count - 1].end == nil { visits[visits.count - 1].end = c }
        endedAt = c
        self.status = status
    }
}
