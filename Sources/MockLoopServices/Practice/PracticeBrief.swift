import Fluent
import Foundation
import MockLoopCore
import MockLoopStore

/// What the candidate reads before the clock starts, on the page and in the terminal alike: the
/// rubric they will be scored on, the checklist, the phases, and the last fix to watch.
public struct PracticeBrief: Codable, Sendable {
    public var type: InterviewType
    public var minutes: Int
    public var rubric: Rubric
    public var checklist: [String]
    public var phases: [PracticePhase]
    /// The last session of this type with a retrospective, if any.
    public var lastFix: LogEntry?
    public var watch: PracticeView.WatchFix?

    public static func load(_ type: InterviewType, minutes: Int? = nil, db: Database, userID: UUID) async throws -> PracticeBrief {
        guard PhasePlan.practiceTypes.contains(type) else {
            throw MockLoopError.invalid("type", "the AI interviewer runs coding, system-design and behavioral mocks (got \(type.rawValue))")
        }
        let minutes = minutes ?? PhasePlan.defaultMinutes(type)
        let rubric = try await RubricRepository(db: db, userID: userID).builtIn(for: type)
        let last = try await SessionRepository(db: db, userID: userID).lastFix(type: type)
        return PracticeBrief(
            type: type, minutes: minutes, rubric: rubric, checklist: PracticeView.checklist(for: type),
            phases: PhasePlan.phases(for: type, minutes: minutes), lastFix: last, watch: PracticeView.WatchFix(last, rubric: rubric))
    }

    /// "Clarify 0–2 min · Approach 2–5 min · …"
    public var phaseLine: String {
        phases.map { "\($0.title) \(Int($0.start / 60))–\(Int($0.end / 60)) min" }.joined(separator: " · ")
    }
}
