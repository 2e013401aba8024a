import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopServices

/// The transcript analysis as the session page shows it: the fix first, then the evidence.
struct AnalysisView: Encodable {
    struct Score: Encodable {
        var dimension: String
        var score: Int
    }

    var topFix: String
    var redFlags: String
    var pace: String
    var fillers: String
    var firstWord: String
    var structureLabel: String
    var star: String
    var numbers: String
    var sourceNote: String
    var suggested: [Score]

    init(_ r: AnalysisReport, rubric: Rubric) {
        func or(_ v: Double?, _ fmt: String) -> String { v.map { String(format: fmt, $0) } ?? "unavailable (no timings)" }
        topFix = r.topFix
        redFlags =
            r.redFlags.isEmpty ? "none" : r.redFlags.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")
        pace = or(r.wordsPerMinute, "%.0f words per minute")
        fillers =
            "\(r.fillers.total)" + (r.fillers.perMinute.map { String(format: " (%.1f per minute)", $0) } ?? "")
            + (r.fillers.byWord.isEmpty
                ? "" : ": " + r.fillers.byWord.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        firstWord = or(r.timeToFirstWordSeconds, "%.1f s")
        // STAR is a story's structure; a coding or design mock is read for its technical signals.
        let main = r.answers.max { $0.words < $1.words }
        func mark(_ label: String, _ ok: Bool) -> String { "\(label) \(ok ? "✓" : "✗")" }
        if rubric.type == .behavioral {
            structureLabel = "STAR"
            star =
                main.map { a in
                    [
                        mark("situation", a.star.situation.present), mark("task", a.star.task.present),
                        mark("action", a.star.action.present),
                        mark("result", a.star.result.present),
                    ].joined(separator: " · ")
                } ?? ""
        } else {
            structureLabel = "Signals"
            star = [
                "clarifying questions \(r.answers.reduce(0) { $0 + $1.clarifyingQuestions })",
                mark("complexity stated", r.answers.contains { !$0.technical.complexity.isEmpty }),
                mark("edge cases", r.answers.contains { !$0.technical.edgeCases.isEmpty }),
                mark("trade-offs", r.answers.contains { !$0.technical.tradeOffs.isEmpty }),
            ].joined(separator: " · ")
        }
        numbers = r.answers.flatMap(\.quantified).joined(separator: ", ")
        sourceNote = r.source.note
        suggested = rubric.dimensions.compactMap { d in r.suggestedScores.byDimension[d.key].map { Score(dimension: d.name, score: $0) } }
    }
}
