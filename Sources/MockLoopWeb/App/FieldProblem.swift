import MockLoopCore
import MockLoopServices

/// A field's problem, shown next to the form.
struct FieldProblem: Encodable {
    var name: String
    var problem: String

    static func list(_ error: MockLoopError?) -> [FieldProblem] {
        (error?.fields ?? [:]).sorted { $0.key < $1.key }.map { FieldProblem(name: $0.key, problem: $0.value) }
    }
}
