import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopServices

/// A finished mock's result for the terminal: AI scores beside the calibrated figure, each with
/// its evidence, red flags, pauses and the summary, wrapped to the terminal's width.
struct PracticeResultText {
    let view: PracticeView
    let result: PracticeFeedback
    let width: Int

    var text: String {
        var out: [String] = ["Result (\(result.label): AI tools over-score; calibrated beside it)", String(repeating: "=", count: 30)]
        out += TextWrap.lines(result.calibrationNote, width: width)
        out.append("")
        let name = max(12, min(30, result.dimensions.map(\.name.count).max() ?? 12))
        out.append("Dimension".padding(toLength: name, withPad: " ", startingAt: 0) + "  AI  Calibrated")
        for d in result.dimensions {
            let label =
                d.name.count > name ? String(d.name.prefix(name - 1)) + "…" : d.name.padding(toLength: name, withPad: " ", startingAt: 0)
            out.append(
                label + "  " + (d.aiScore.map(String.init) ?? "not observed") + "   "
                    + (d.calibrated.map { String(format: "%.1f", $0) } ?? "–"))
            out += TextWrap.lines(d.reason, width: width, indent: "    ")
            for q in d.evidence {
                out += TextWrap.lines("\(ClockText.mmss(q.at)) \(q.isGap ? "gap: " : "")\"\(q.text)\"", width: width, indent: "    ")
            }
        }
        if let missed = result.missedFacts, !missed.isEmpty {
            out += ["", "You could have asked:"] + missed.flatMap { TextWrap.lines("- \($0)", width: width) }
        }
        for m in result.modelAnswers ?? [] {
            out += ["", "Model answer: \(m.title)"] + TextWrap.lines(m.answer.outline, width: width, indent: "  ")
            if let c = m.answer.complexity { out += TextWrap.lines("Complexity: \(c)", width: width, indent: "  ") }
            for t in m.answer.tradeOffs ?? [] { out += TextWrap.lines("- \(t)", width: width, indent: "  ") }
        }
        if !result.redFlags.isEmpty {
            out += ["", "Red flags:"] + result.redFlags.flatMap { TextWrap.lines("- \($0.label)", width: width) }
        }
        out.append("")
        out += TextWrap.lines(
            "Hints used \(result.hintsUsed) · skipped \(result.skips) · pauses \(result.pauses)"
                + (result.pauseNote.map { ". \($0)" } ?? ""), width: width)
        out += [""] + TextWrap.lines("Summary: \(result.summary)", width: width)
        return out.joined(separator: "\n") + "\n"
    }
}
