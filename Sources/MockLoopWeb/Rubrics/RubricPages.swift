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

    init(_ stored: [StoredRubric]) {
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
    }

    var title: String
    var id, name, type, description: String
    var builtIn: Bool
    var clonedFrom: String?
    var dimensions: [Dim]
    var problems: [FieldProblem] = []

    init(_ s: StoredRubric, problems: [FieldProblem] = []) {
        title = s.rubric.name
        id = s.rubric.id
        name = s.rubric.name
        type = s.rubric.type.label
        description = s.rubric.description
        builtIn = s.builtIn
        clonedFrom = s.clonedFrom
        dimensions = s.rubric.dimensions.enumerated().map { i, d in
            Dim(index: i, key: d.key, name: d.name, question: d.question, score1: d.score1, score2: d.score2, score3: d.score3)
        }
        self.problems = problems
    }
}
