import MockLoopCore

/// The one thing to fix after a mock, and everything the retrospective says about it from the
/// same source: the top red flag that speaks to a rubric dimension, else the weakest scored
/// dimension. The fix's dimension, its text and the drill all come from that one target, and
/// "what went well" quotes a strength of another dimension, never a gap.
struct FixTarget {
    /// The dimension the fix is for, and the flag behind it (if any).
    let dimension: Dimension?
    let flag: RedFlag?
    let fixText: String

    init(
        dimensions: [PracticeFeedback.DimensionFeedback], flags: [RedFlag], rubric: Rubric, report: AnalysisReport?,
        thresholds: AnalysisThresholds
    ) {
        if let flag = flags.first(where: { FeedbackFlags.dimension(of: $0, in: rubric) != nil }),
            let key = FeedbackFlags.dimension(of: flag, in: rubric)
        {
            self.flag = flag
            dimension = rubric.dimension(key)
            fixText = TopFix.fix(flag)
            return
        }
        flag = nil
        let weakest = dimensions.filter { $0.aiScore != nil }.min { $0.aiScore! < $1.aiScore! }
        dimension = weakest.flatMap { rubric.dimension($0.key) }
        if let d = dimension {
            fixText = "\(d.name): aim for a 3. \(d.score3)"
        } else {
            fixText = "Nothing in the mock could be scored: say more out loud next time, and have a partner score the rubric."
        }
    }

    /// A suggestion only: the user edits and confirms it, and it still carries exactly one fix.
    func retro(dimensions: [PracticeFeedback.DimensionFeedback], flags: [PracticeFeedback.FlagFeedback]) -> RetroDraft {
        let target = dimensions.first { $0.key == dimension?.key }
        let strong = dimensions.filter { d in (d.aiScore ?? 0) >= 2 && d.key != dimension?.key && d.evidence.contains { !$0.isGap } }
        let best = strong.max { ($0.aiScore!, $1.key.count) < ($1.aiScore!, $0.key.count) }
        let well = best.map { b in "\(b.name): \"\(b.evidence.first { !$0.isGap }!.text)\"" }
        var wrong: String?
        if let flag {
            wrong = ([flag.label] + flags.map(\.label).filter { $0 != flag.label }).joined(separator: "; ") + "."
        } else if let target, let score = target.aiScore {
            let gap = target.evidence.first(where: \.isGap).map { " For example: \"\($0.text)\"" } ?? ""
            wrong = "\(target.name) scored lowest (AI score \(score)).\(gap)"
        }
        let fix = dimension.map { PriorityFix(dimension: $0.key, text: fixText) }
        return RetroDraft(wentWell: well, wentWrong: wrong, priorityFix: fix, drill: dimension.map(Self.drill))
    }

    /// One concrete assignment per dimension, aimed at what a 3 looks like there.
    static func drill(_ d: Dimension) -> String {
        let specific: [String: String] = [
            "clarification":
                "Five problems from the bank, 3 minutes each: before any solution, write the two questions you'd ask (input size, edge cases), then check them against the problem's limits.",
            "approach_verbalization":
                "Three problems: say the approach and its complexity out loud in under 2 minutes before writing a line, recorded; replay and check both were said.",
            "testing_edge_cases":
                "Three solved problems: for each, list four edge cases (empty, one element, duplicates, the largest input) and trace one by hand before running.",
            "optimization_discussion":
                "Three solved problems: state time and space complexity, then name one faster or leaner alternative and what it costs.",
            "coding_execution":
                "Three timed problems in the runner: get every visible test passing within 25 minutes, running after each function you finish.",
            "communication": "Three 5-minute explanations recorded: no fillers, one idea per sentence; count the fillers on replay.",
            "situation_clarity": "Rewrite three stories' openings in two sentences: where, when, what was at stake, and your role.",
            "scope_of_impact": "For three stories, write the result first as a number (%, time, money, users) and open with it out loud.",
            "own_contribution":
                "Retell three stories using \"I\" for every action you took yourself; mark each \"we\" and replace it or cut it.",
            "what_id_do_differently": "End three stories with one honest sentence: what you would do differently and why.",
            "quantified_outcomes":
                "For three stories, find the number behind the result (before and after) and say it in the first 30 seconds.",
            "requirements":
                "Three design prompts: spend the first 5 minutes only on questions: users, scale, features in and out, and write the answers down.",
            "capacity_estimation":
                "Three design prompts: estimate requests per second, storage per year and bandwidth in 5 minutes each, out loud.",
            "tradeoff_articulation": "Three designs: for each main choice say what you chose, over what, and what it costs.",
        ]
        return specific[d.key]
            ?? "Three timed reps aimed only at \(d.name.lowercased()), out loud: before each, reread what a 3 looks like; after, score yourself on it."
    }
}
