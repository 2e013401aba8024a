import Foundation

/// The running log's CSV columns, shared by export and import so a round trip loses nothing.
/// Per-dimension columns come in families (`DimensionColumn`): `score:<dimension>`,
/// `self:<dimension>`, `note:<dimension>`, written between the leading and trailing columns.
public enum LogColumns {
    public static let leading = [
        "id", "date", "type", "mode", "status", "interviewer", "question", "question_id",
        "rubric_id", "difficulty", "company", "tier", "level", "duration_min",
        "hints_used", "pauses", "confidence", "went_easy", "repeat",
    ]
    public static let trailing = ["went_well", "went_wrong", "fix_dimension", "priority_fix", "drill", "drill_done", "notes"]

    /// Header aliases a spreadsheet or Notion table may use, after normalization.
    static let aliases: [String: String] = [
        "when": "date", "sessiondate": "date", "day": "date",
        "interviewtype": "type", "kind": "type", "round": "type",
        "partner": "interviewer", "with": "interviewer",
        "problem": "question", "prompt": "question", "questiontitle": "question",
        "duration": "duration_min", "minutes": "duration_min", "durationminutes": "duration_min",
        "hints": "hints_used", "confidence15": "confidence", "selfconfidence": "confidence",
        "fix": "priority_fix", "priorityfix": "priority_fix", "fixdimension": "fix_dimension",
        "wentwell": "went_well", "wentwrong": "went_wrong", "drilldone": "drill_done",
        "questionid": "question_id", "rubricid": "rubric_id", "hintsused": "hints_used",
        "durationmin": "duration_min", "goeasy": "went_easy", "wenteasy": "went_easy",
    ]

    static func normalize(_ header: String) -> String {
        String(header.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The canonical column a header means, or nil when it is not one of the fixed columns.
    static func canonical(_ header: String) -> String? {
        let n = normalize(header)
        if let known = (leading + trailing).first(where: { normalize($0) == n }) { return known }
        return aliases[n]
    }

    static let dateFormat: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f
    }()

    public static func formatDate(_ date: Date) -> String { dateFormat.string(from: date) }
}

/// A family of per-dimension CSV columns. Export writes every family for every dimension in
/// use, import reads them back; data later kept per dimension is one more case here.
public enum DimensionColumn: String, CaseIterable, Sendable {
    /// The interviewer's score, 1–3.
    case score
    /// The candidate's own score, 1–3.
    case selfScore = "self"
    /// The interviewer's note on the dimension.
    case note

    public func header(_ dimension: String) -> String { rawValue + ":" + dimension }

    /// The cell for one dimension of a score sheet ("" when there is nothing).
    public func cell(_ sheet: ScoreSheet, _ dimension: String) -> String {
        switch self {
        case .score: sheet.interviewerScores[dimension].map { String($0.score) } ?? ""
        case .selfScore: sheet.selfScores[dimension].map(String.init) ?? ""
        case .note: sheet.interviewerScores[dimension]?.note ?? ""
        }
    }

    /// The header prefixes a spreadsheet may use for the family; a bare dimension name is a score.
    var prefixes: [String] {
        switch self {
        case .score: ["score:"]
        case .selfScore: ["self:", "self ", "self-"]
        case .note: ["note:", "note ", "note-", "notes:"]
        }
    }
}
