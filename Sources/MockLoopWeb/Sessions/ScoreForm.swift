import Foundation
import MockLoopCore
import MockLoopServices

/// Reads the score form (`score_<dimension>`, `note_<dimension>`, `self_<dimension>`, …)
/// into a score sheet; a value that is not a number is refused by field name.
struct ScoreForm {
    let form: [String: String]

    init(_ form: [String: String]) { self.form = form }

    func sheet() throws -> ScoreSheet {
        var problems = FieldProblems()
        var sheet = ScoreSheet()
        func number(_ key: String) -> Int? {
            guard let raw = form[key]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let n = Int(raw) else {
                problems.add(key, "must be a number (got '\(raw)')")
                return nil
            }
            return n
        }
        for key in form.keys.sorted() {
            if key.hasPrefix("score_"), let n = number(key) {
                let dim = String(key.dropFirst(6))
                let note = form["note_" + dim]?.trimmingCharacters(in: .whitespacesAndNewlines)
                sheet.interviewerScores[dim] = DimensionScore(score: n, note: (note?.isEmpty ?? true) ? nil : note)
            } else if key.hasPrefix("self_"), let n = number(key) {
                sheet.selfScores[String(key.dropFirst(5))] = n
            }
        }
        sheet.confidence = number("confidence")
        sheet.durationMinutes = number("duration")
        sheet.hintsUsed = number("hintsUsed") ?? 0
        sheet.pauses = number("pauses") ?? 0
        sheet.wentEasy = form["wentEasy"] == "on"
        try problems.check()
        return sheet
    }

    /// The score sheet's problems under the form's field names (`interviewerScores.design` →
    /// `score_design`); problems about the sheet as a whole go under `scores`.
    static func fieldNames(_ problems: [String: String]) -> [String: String] {
        problems.renamingKeys { key in
            if key == "interviewerScores" { return "scores" }
            if key.hasPrefix("interviewerScores."), key.hasSuffix(".note") { return "note_" + key.dropFirst(18).dropLast(5) }
            if key.hasPrefix("interviewerScores.") { return "score_" + key.dropFirst(18) }
            if key.hasPrefix("selfScores.") { return "self_" + key.dropFirst(11) }
            return key == "durationMinutes" ? "duration" : key
        }
    }
}
