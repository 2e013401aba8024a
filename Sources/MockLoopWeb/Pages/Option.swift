import MockLoopCore

/// One `<option>` of a select, with its selected state decided on the server.
struct Option: Encodable {
    var value: String
    var label: String
    var selected: Bool

    static func list<E: LooseParsable>(_: E.Type, selected: String?, blank: String? = nil) -> [Option] {
        var out = blank.map { [Option(value: "", label: $0, selected: (selected ?? "").isEmpty)] } ?? []
        out += E.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
        return out
    }
}

/// A field's problem, shown next to the form.
struct FieldProblem: Encodable {
    var name: String
    var problem: String

    static func list(_ error: MockLoopError?) -> [FieldProblem] {
        (error?.fields ?? [:]).sorted { $0.key < $1.key }.map { FieldProblem(name: $0.key, problem: $0.value) }
    }
}
