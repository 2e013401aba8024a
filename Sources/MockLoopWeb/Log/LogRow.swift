import Foundation
import MockLoopCore
import MockLoopServices

/// One session as a row of the log (and of the home page's recent list).
struct LogRow: Encodable {
    struct Score: Encodable {
        var name: String
        var score: Int
    }

    var id, date, type, mode, status, statusLabel, interviewer, question, average, fix: String
    var scores: [Score]
    var isRepeat, wentEasy: Bool
    /// What the session needs next ("Start it", "Score it", "Resume the mock", "Write the
    /// retro") and where that happens; nil when it is done.
    var next: String?
    var nextURL: String?

    init(_ e: LogEntry, rubric: Rubric?) {
        id = e.id.uuidString.lowercased()
        date = DateText.day(e.date)
        type = e.type.label
        mode = e.mode.label
        status = e.status.rawValue
        statusLabel = e.status.label
        interviewer = e.interviewer ?? ""
        question = e.questionTitle ?? "Question not chosen"
        let order = rubric?.dimensions.map(\.key) ?? e.scores.interviewerScores.keys.sorted()
        scores = order.compactMap { key in
            e.scores.interviewerScores[key].map { Score(name: rubric?.dimension(key)?.name ?? key, score: $0.score) }
        }
        let session = SiteURL.session(e.id)
        switch (e.status, e.mode) {
        case (.planned, _): (next, nextURL) = ("Start it", session.path)
        case (.started, .ai): (next, nextURL) = ("Resume the mock", SiteURL.practice(e.id).path)
        case (.started, _): (next, nextURL) = ("Score it", session.anchored("scores"))
        case (.abandoned, _): (next, nextURL) = ("Open it", session.path)
        case (.completed, _) where e.retro == nil: (next, nextURL) = ("Write the retro", session.anchored("retro"))
        case (.completed, _): (next, nextURL) = (nil, nil)
        }
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
