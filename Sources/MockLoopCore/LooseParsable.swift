/// Enums whose values people type by hand (spreadsheets, forms, the CLI): "System Design",
/// "system-design" and "system_design" all mean the same thing.
public protocol LooseParsable: RawRepresentable, CaseIterable, Equatable where RawValue == String {
    var label: String { get }
}

extension LooseParsable {
    public init?(loose text: String) {
        let wanted = Self.normalize(text)
        guard !wanted.isEmpty,
              let match = Self.allCases.first(where: {
                  Self.normalize($0.rawValue) == wanted || Self.normalize($0.label) == wanted
              })
        else { return nil }
        self = match
    }

    /// The accepted spellings, for error messages.
    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    static func normalize(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
