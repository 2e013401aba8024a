import MockLoopCore

/// One choice of a select, with its selected state decided on the server (pages and the
/// insights view alike).
public struct Choice: Encodable, Sendable, Equatable {
    public var value: String
    public var label: String
    public var selected: Bool

    public init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }

    public static func list<E: LooseParsable>(_: E.Type, selected: String?, blank: String? = nil) -> [Choice] {
        var out = blank.map { [Choice(value: "", label: $0, selected: (selected ?? "").isEmpty)] } ?? []
        out += E.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
        return out
    }
}
