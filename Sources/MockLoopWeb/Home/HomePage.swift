import Foundation
import MockLoopCore
import MockLoopServices

/// The home page: the loop in one line, three ways to start, the target (asked on the first
/// visit), and once there is data the week's state, the open fixes and the recent sessions.
struct HomePage: Encodable {
    struct Week: Encodable {
        var observed, goal: Int
        var met: Bool
        var observedText: String
        /// "1 of 2 human-observed mocks booked this week": finished ones and those booked.
        var bookedText: String
        var bestSlots: [HomeSource.BestSlot]
        var hasPartnerProfile: Bool
        var fix: FixCard?
        var focus: String?
        var focusQuestion: String?
        var focusURL: String?
    }

    var title = "Your practice loop"
    /// Set on the first visit (no target yet) or when the posted target had problems.
    var target: TargetForm?
    var targetLine: String?
    var practiceURL: String
    var week: Week?
    var fixes: [FixCard]
    var recent: [LogRow]
    var total: Int
    var allSessions: String
    var notice: String?
    var comingUp: [BookingView] = []

    init(_ s: HomeSource, targetForm: TargetForm?) {
        target = targetForm
        comingUp = s.comingUp
        let current = s.target ?? .assumed
        targetLine = s.target.map(Self.describe)
        practiceURL = "/practice?type=" + current.firstType(in: PhasePlan.practiceTypes).rawValue
        fixes = s.fixes.compactMap { FixCard($0, rubric: s.rubrics[$0.rubricId]) }
        recent = s.recent.entries.map { LogRow($0, rubric: s.rubrics[$0.rubricId]) }
        total = s.recent.total
        allSessions = s.recent.total == 1 ? "The whole log (1 session)" : "The whole log (\(s.recent.total) sessions)"
        if s.recent.total > 0 {
            let goal = 2
            week = Week(
                observed: s.observedThisWeek, goal: goal, met: s.observedThisWeek >= goal,
                observedText: "\(s.observedThisWeek) of \(goal) observed mocks this week",
                bookedText: "\(s.observedThisWeek + s.bookedThisWeek) of \(goal) human-observed mocks booked this week",
                bestSlots: s.bestSlots, hasPartnerProfile: s.hasPartnerProfile,
                fix: fixes.first, focus: s.nextFocus?.dimension, focusQuestion: s.nextFocus?.questionTitle,
                focusURL: s.nextFocus?.questionID.map { "/practice?question=" + $0 })
        }
    }

    /// "Tier 1 · Staff · Coding, System design · Stripe · loop on 2026-12-15 (in 16 days)"
    static func describe(_ t: Target) -> String {
        var parts = [t.tier.label, t.level.label, t.types.map(\.label).joined(separator: ", ")]
        if let company = t.company { parts.append(company) }
        if let date = t.loopDate, let days = t.daysToLoop() {
            parts.append(
                "loop on \(date) (" + (days == 0 ? "today" : days == 1 ? "tomorrow" : days > 0 ? "in \(days) days" : "passed") + ")")
        }
        return parts.joined(separator: " · ")
    }
}
