import MockLoopCore

/// The one thing to fix first, in one sentence: the costliest red flag, else the weakest habit.
struct TopFix {
    let thresholds: AnalysisThresholds
    let kind: InterviewType

    func sentence(for r: AnalysisReport) -> String {
        if let flag = r.redFlags.first { return Self.fix(flag) }
        if let f = r.fillers.perMinute, f > thresholds.fillersWarnPerMinute {
            return String(format: "Cut fillers: %.1f per minute; pause silently instead of saying \"um\" or \"like\".", f)
        }
        if let wpm = r.wordsPerMinute, wpm > thresholds.paceWarnAbove {
            return String(format: "Slow down: %.0f words per minute is hard to follow; aim for 120–165.", wpm)
        }
        if let wpm = r.wordsPerMinute, wpm < thresholds.paceWarnBelow {
            return String(format: "Pick up the pace: %.0f words per minute sounds hesitant; aim for 120–165.", wpm)
        }
        if kind == .behavioral, !r.answers.contains(where: { $0.reflection.present }) {
            return "Add a \"what I'd do differently\" beat: one sentence of honest reflection at the end."
        }
        if kind == .behavioral, !r.answers.contains(where: \.leadsWithImpact) {
            return "Lead with the impact: open with the result and its number, then tell the story."
        }
        return "No red flags: keep this structure and practise it under time pressure with a human interviewer."
    }

    /// The fix for a red flag, in one sentence.
    static func fix(_ flag: RedFlag) -> String {
        switch flag {
        case .noOwnership: "Say what YOU did: your action part only says \"we\", so put \"I\" and your own decisions in it."
        case .vagueResult: "End with a measured result: give the outcome as a number (%, time, money, users)."
        case .noClarifyingQuestions: "Ask two clarifying questions (input size, edge cases, constraints) before you start solving."
        case .noComplexity: "State the time and space complexity of your solution before the interviewer asks."
        case .defensive: "When the interviewer pushes back, engage with the point instead of defending what you said."
        case .rigid: "When the interviewer points at a flaw, change the approach instead of restating it."
        case .rambling: "Keep behavioral answers under 3 minutes: lead with the impact and cut the chronology."
        case .longSilence: "Think out loud: narrate what you are weighing instead of going silent."
        }
    }
}
