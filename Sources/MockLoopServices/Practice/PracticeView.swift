import Foundation
import MockLoopAnalysis
import MockLoopCore

/// A timed mock as the API, the page and the terminal show it: the clock, the phase (with a
/// nudge when it overruns), the question, the conversation, runs, and the result once over.
public struct PracticeView: Codable, Sendable {
    public struct Clock: Codable, Sendable {
        public var elapsedSeconds: Double
        public var remainingSeconds: Double
        public var totalSeconds: Double
        public var paused: Bool
    }

    public struct QuestionView: Codable, Sendable {
        public var id: String
        public var title: String
        public var prompt: String
        public var difficulty: Difficulty
        public var hasTests: Bool
    }

    public struct WatchFix: Codable, Sendable {
        public var dimension: String
        public var name: String
        public var text: String
        public var drill: String?
    }

    public struct RubricDimension: Codable, Sendable {
        public var key: String
        public var name: String
        public var question: String
        public var score3: String
    }

    public var id: UUID
    public var status: PracticeStatus
    public var type: InterviewType
    public var minutes: Int
    public var seed: UInt64
    public var clock: Clock
    public var phase: PracticePhase
    public var phaseIndex: Int
    public var phases: [PracticePhase]
    /// "3 min over on Clarify: move on to Approach." while the phase overruns.
    public var nudge: String?
    public var question: QuestionView
    public var promptIndex: Int
    public var prompts: Int
    public var turns: [PracticeTurn]
    public var hintsUsed: Int
    public var hintsLeft: Int
    public var pauses: Int
    public var skips: Int
    public var code: String
    public var language: Language
    /// Starter code per language the question's tests run in ("python": "def f(a):…").
    public var starters: [String: String]
    public var runs: [PracticeRun]
    public var rubricId: String
    public var rubric: [RubricDimension]
    public var checklist: [String]
    public var watch: WatchFix?
    public var voice: String
    public var revision: Int
    public var result: PracticeFeedback?

    static func nudge(_ state: PracticeState, at now: Date) -> String? {
        guard !state.status.isOver else { return nil }
        let over = state.overrun(at: now)
        guard over >= 30 else { return nil }
        let minutes = Int((over / 60).rounded(.up))
        let next = state.isLastPhase ? "wrap up" : "move on to \(state.phases[state.phaseIndex + 1].title)"
        return "\(minutes) min over on \(state.phase.title): \(next)."
    }

    /// What to have ready before the clock starts.
    public static func checklist(for type: InterviewType) -> [String] {
        var out = [
            "Read the rubric: it is what you will be scored on.", "Quiet room, notifications off, water at hand.",
            "Real interviews don't pause: pauses are counted and shown in the result.",
        ]
        switch type {
        case .coding: out.append("Restate the problem and ask at least one clarifying question before coding; say the complexity out loud.")
        case .behavioral:
            out.append(
                "Have your story list at hand; lead with the result, say what YOU did, put a number on it, end with what you'd change.")
        default: out.append("Drive the requirements yourself; put numbers on traffic and storage before drawing boxes.")
        }
        return out
    }
}
