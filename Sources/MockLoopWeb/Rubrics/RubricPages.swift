import MockLoopCore
import MockLoopServices
import MockLoopStore

/// The rubric list.
struct RubricsPage: Encodable {
    struct Row: Encodable {
        var id, name, type: String
        var builtIn: Bool
        var dimensions: Int
        var clonedFrom: String?
    }

    var title = "Rubrics"
    var rubrics: [Row]
    var deleted: Bool

    init(_ stored: [StoredRubric], deleted: Bool = false) {
        self.deleted = deleted
        rubrics = stored.map {
            Row(
                id: $0.rubric.id, name: $0.rubric.name, type: $0.rubric.type.label, builtIn: $0.builtIn,
                dimensions: $0.rubric.dimensions.count, clonedFrom: $0.clonedFrom)
        }
    }
}

/// One rubric, on screen, in print, or in its edit form.
struct RubricPage: Encodable {
    struct Dim: Encodable {
        var index: Int
        var key, name, question, score1, score2, score3: String
        /// Rows for each "what a N looks like" box, so the whole text shows without scrolling.
        var rows1, rows2, rows3: Int
    }

    var title: String
    var id, name, type, description: String
    var builtIn: Bool
    var clonedFrom: String?
    var dimensions: [Dim]
    /// Each edit-form field's problem, keyed by the form's field names (`score2_1`).
    var errors: [String: String] = [:]
    /// The share link's token when the page is opened through one (its Markdown link needs it).
    var shareToken: String?

    init(_ s: StoredRubric, problems: [String: String] = [:]) {
        title = s.rubric.name
        id = s.rubric.id
        name = s.rubric.name
        type = s.rubric.type.label
        description = s.rubric.description
        builtIn = s.builtIn
        clonedFrom = s.clonedFrom
        dimensions = s.rubric.dimensions.enumerated().map { i, d in
            Dim(
                index: i, key: d.key, name: d.name, question: d.question, score1: d.score1, score2: d.score2, score3: d.score3,
                rows1: Self.rows(d.score1), rows2: Self.rows(d.score2), rows3: Self.rows(d.score3))
        }
        errors = Self.formFields(problems)
    }

    /// Enough rows for the text at about 70 characters a line, 2 to 12.
    static func rows(_ text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { max(1, ($0.count + 69) / 70) }
        return min(12, max(2, lines.reduce(0, +)))
    }

    /// Validation names `dimensions[1].score2`; the form's field is `score2_1`.
    static func formFields(_ problems: [String: String]) -> [String: String] {
        problems.renamingKeys { key in
            guard key.hasPrefix("dimensions["), let close = key.firstIndex(of: "]"),
                let index = Int(key[key.index(key.startIndex, offsetBy: 11)..<close]), key[close...].hasPrefix("].")
            else { return key }
            return "\(key[key.index(close, offsetBy: 2)...])_\(index)"
        }
    }
}
