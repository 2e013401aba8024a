import Foundation

/// A retrospective as submitted. `priorityFixes` exists so that a second fix can be named
/// and refused, instead of silently dropped.
public struct RetroDraft: Codable, Sendable {
    public var wentWell: String?
    public var wentWrong: String?
    public var priorityFix: PriorityFix?
    public var priorityFixes: [PriorityFix]?
    public var drill: String?

    public init(
        wentWell: String? = nil, wentWrong: String? = nil, priorityFix: PriorityFix? = nil,
        priorityFixes: [PriorityFix]? = nil, drill: String? = nil
    ) {
        self.wentWell = wentWell
        self.wentWrong = wentWrong
        self.priorityFix = priorityFix
        self.priorityFixes = priorityFixes
        self.drill = drill
    }

    /// Vague homework that cannot be checked off.
    static let vagueDrills: Set<String> = [
        "study more", "practice more", "practise more", "more practice",
        "do better", "more leetcode", "read more", "prepare more", "practice", "study",
    ]

    public func validated(against rubric: Rubric) throws -> Retrospective {
        var problems = FieldProblems()
        let well = trimmed(wentWell)
        let wrong = trimmed(wentWrong)
        let drill = trimmed(self.drill)
        if well.isEmpty { problems.add("wentWell", "say what went well and why: reinforcing what works matters as much as fixing") }
        if wrong.isEmpty { problems.add("wentWrong", "say specifically what went wrong") }
        let fixes = (priorityFixes ?? []) + (priorityFix.map { [$0] } ?? [])
        var fix: PriorityFix?
        if fixes.count > 1 {
            problems.add("priorityFix", "exactly one priority fix per session: pick the single highest-priority one (got \(fixes.count))")
        } else if let only = fixes.first {
            let text = trimmed(only.text)
            if rubric.dimension(only.dimension) == nil {
                problems.add("priorityFix.dimension", "'\(only.dimension)' is not a dimension of rubric \(rubric.id)")
            } else if text.isEmpty {
                problems.add("priorityFix.text", "say what the fix is")
            } else {
                fix = PriorityFix(dimension: only.dimension, text: text)
            }
        } else {
            problems.add("priorityFix", "name the one highest-priority fix, tied to a rubric dimension")
        }
        if drill.isEmpty {
            problems.add("drill", "name one concrete practice assignment")
        } else if Self.vagueDrills.contains(drill.lowercased().trimmingCharacters(in: .punctuationCharacters)) {
            problems.add(
                "drill", "'\(drill)' is not a drill: say what, how many and how (e.g. '5 capacity estimations out loud, recorded')")
        }
        for (field, text) in [("wentWell", well), ("wentWrong", wrong), ("drill", drill)] where text.count > 4000 {
            problems.add(field, "is longer than 4000 characters")
        }
        return Retrospective(
            wentWell: well, wentWrong: wrong, priorityFix: try problems.checked(fix, "priorityFix"), drill: Drill(text: drill))
    }

    private func trimmed(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}
