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
        let main = r.answers.max { $0.words < $1.words }
        star =
            main.map { a in
                [
                    ("situation", a.star.situation.present), ("task", a.star.task.present), ("action", a.star.action.present),
                    ("result", a.star.result.present),
                ]
                .map { "\($0.0) \($0.1 ? "✓" : "✗")" }.joined(separator: " · ")
            } ?? ""
        numbers = r.answers.flatMap(\.quantified).joined(separator: ", ")
        sourceNote = r.source.note
        suggested = rubric.dimensions.compactMap { d in r.suggestedScores.byDimension[d.key].map { Score(dimension: d.name, score: $0) } }
    }
}
