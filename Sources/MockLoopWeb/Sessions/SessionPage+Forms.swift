import Foundation
import MockLoopCore
import MockLoopServices

extension SessionPage {
    /// A form of the session page that came back with problems, with what was typed.
    enum Posted {
        case scores([String: String])
        case retro([String: String])
        case transcript(text: String, candidate: String)
    }

    /// Shows the posted values and each problem beside its field, in place of the saved ones.
    mutating func keep(_ posted: Posted, errors problems: [String: String]) {
        switch posted {
        case .scores(let form):
            errors = ScoreForm.fieldNames(problems)
            for i in dimensions.indices {
                let key = dimensions[i].key
                dimensions[i].score = Int(form["score_" + key] ?? "") ?? 0
                dimensions[i].selfScore = Int(form["self_" + key] ?? "") ?? 0
                dimensions[i].note = form["note_" + key] ?? ""
            }
            confidence = form["confidence"] ?? ""
            duration = form["duration"] ?? ""
            hintsUsed = form["hintsUsed"] ?? ""
            pauses = form["pauses"] ?? ""
            wentEasy = form["wentEasy"] == "on"
        case .transcript(let text, let candidate):
            errors = ["transcript": problems["transcript"] ?? problems.values.sorted().joined(separator: "; ")]
            transcriptText = text
            transcriptCandidate = candidate
        case .retro(let form):
            errors = RetroFormFields.names(problems)
            retroForm = RetroForm(
                wentWell: form["wentWell"] ?? "", wentWrong: form["wentWrong"] ?? "", fix: form["fix"] ?? "",
                drill: form["drill"] ?? "",
                dimensions: retroForm.dimensions.map {
                    Choice(value: $0.value, label: $0.label, selected: $0.value == form["fixDimension"])
                })
        }
    }

    /// The dimension a new retro's fix starts on: the lowest interviewer score (else self-score),
    /// the first in rubric order on a tie; the first dimension when nothing is scored.
    static func lowestScored(_ rubric: Rubric, _ sheet: ScoreSheet) -> String? {
        let scored = rubric.dimensions.compactMap { d in
            (sheet.interviewerScores[d.key]?.score ?? sheet.selfScores[d.key]).map { (d.key, $0) }
        }
        return scored.min { $0.1 < $1.1 }?.0 ?? rubric.dimensions.first?.key
    }

    static func retroForm(_ e: LogEntry, rubric: Rubric) -> RetroForm {
        let chosen = e.retro?.priorityFix.dimension ?? lowestScored(rubric, e.scores)
        // A new retro starts from what the interviewer wrote on the dimension it starts on.
        let noted = chosen.flatMap { e.scores.interviewerScores[$0]?.note.nonEmpty }.map { "The interviewer noted: \($0)" }
        return RetroForm(
            wentWell: e.retro?.wentWell ?? "", wentWrong: e.retro?.wentWrong ?? noted ?? "", fix: e.retro?.priorityFix.text ?? "",
            drill: e.retro?.drill.text ?? "",
            dimensions: rubric.dimensions.map { Choice(value: $0.key, label: $0.name, selected: $0.key == chosen) })
    }

    static func clockCard(_ e: LogEntry, now: Date) -> ClockCard? {
        guard e.status == .started, e.mode != .ai else { return nil }
        let clock = SessionClock(type: e.type, startedAt: e.date)
        let reading = clock.reading(at: now)
        return ClockCard(
            startedAt: (e.date.timeIntervalSince1970 * 1000).rounded(), minutes: clock.minutes,
            minutesElapsed: clock.minutesElapsed(at: now), elapsed: ClockText.mmss(reading.elapsed),
            phaseText: reading.text(clock),
            phases: clock.phases.enumerated().map { i, p in
                ClockCard.Phase(
                    title: p.title, window: "\(ClockText.mmss(p.start))–\(ClockText.mmss(p.end))", goal: p.goal, start: p.start, end: p.end,
                    current: i == reading.phase, done: i < reading.phase)
            })
    }
}

/// The retrospective's problems under the form's field names.
enum RetroFormFields {
    static func names(_ problems: [String: String]) -> [String: String] {
        problems.renamingKeys { key in
            switch key {
            case "priorityFix.dimension": "fixDimension"
            case "priorityFix.text", "priorityFix": "fix"
            default: key
            }
        }
    }
}
