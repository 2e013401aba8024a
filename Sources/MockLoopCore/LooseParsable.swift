/// Enums whose values people type by hand (spreadsheets, forms, the CLI): "System Design",
/// "system-design" and "system_design" all mean the same thing.
public protocol LooseParsable: RawRepresentable, CaseIterable, Equatable where RawValue == String {
    var label: String { get }
    /// A requirement so that types with extra spellings ("py", "c++") keep them in generic code.
    init?(loose text: String)
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

    public static func normalize(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

extension LooseParsable {
    /// Parses a form or file field, adding a problem that names the field when it is missing
    /// (and `required`) or not one of the allowed values.
    public static func parse(_ raw: String?, field: String, into problems: inout FieldProblems, required: Bool = true) -> Self? {
        guard let raw, !raw.allSatisfy(\.isWhitespace) else {
            if required { problems.add(field, "is missing") }
            return nil
        }
        guard let value = Self(loose: raw) else {
            problems.add(field, "must be one of \(allowedList) (got '\(raw)')")
            return nil
        }
        return value
    }
}

extension LooseParsable {
    /// One value a user typed, or the error naming `field` and the allowed values.
    public static func parsed(_ raw: String, field: String) throws -> Self {
        var problems = FieldProblems()
        let value = parse(raw, field: field, into: &problems)
        return try problems.checked(value, field)
    }
}
