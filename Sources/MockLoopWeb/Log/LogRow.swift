import Foundation
import MockLoopCore
import MockLoopServices

/// One session as a row of the log (and of the home page's recent list).
struct LogRow: Encodable {
    var id, date, type, mode, status, interviewer, question, scores, average, fix: String
    var isRepeat, wentEasy: Bool

    init(_ e: LogEntry, rubric: Rubric?) {
        id = e.id.uuidString.lowercased()
        date = DateText.day(e.date)
        type = e.type.label
        mode = e.mode.label
        status = e.status.rawValue
        interviewer = e.interviewer ?? ""
        question = e.questionTitle ?? "—"
        let order = rubric?.dimensions.map(\.key) ?? e.scores.interviewerScores.keys.sorted()
        scores = order.compactMap { key in
            e.scores.interviewerScores[key].map { "\(rubric?.dimension(key)?.name ?? key) \($0.score)" }
        }.joined(separator: " · ")
        average = e.averageScore.map { String(format: "%.1f", $0) } ?? "—"
        fix = e.retro?.priorityFix.text ?? ""
        isRepeat = e.isRepeat
        wentEasy = e.scores.wentEasy
    }
}

/// Dates as people read them in the log, in UTC so every instance shows the same day.
enum DateText {
    static let dayFormat: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    static func day(_ date: Date) -> String { dayFormat.string(from: date) }
}
