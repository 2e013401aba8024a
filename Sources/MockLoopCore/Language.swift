/// The languages a candidate can answer a coding question in.
public enum Language: String, Codable, Sendable, CaseIterable, LooseParsable {
    case python, javascript, cpp, swift

    public var label: String {
        switch self {
        case .python: "Python 3"
        case .javascript: "JavaScript"
        case .cpp: "C++"
        case .swift: "Swift"
        }
    }

    public init?(loose text: String) {
        switch text.lowercased() {
        case "py", "python3": self = .python
        case "js", "node": self = .javascript
        case "c++", "cxx", "cc": self = .cpp
        default:
            guard
                let match = Self.allCases.first(where: {
                    Self.normalize($0.rawValue) == Self.normalize(text) || Self.normalize($0.label) == Self.normalize(text)
                })
            else { return nil }
            self = match
        }
    }

    /// Function mode needs a harness that can call into the candidate's code in-process.
    public var supportsFunctionMode: Bool { self == .python || self == .javascript }

    public var isCompiled: Bool { self == .cpp || self == .swift }

    /// Guesses the language from a file name, for `mockloop run-code` without `--language`.
    public init?(fileExtension ext: String) {
        switch ext.lowercased() {
        case "py": self = .python
        case "js", "mjs", "cjs": self = .javascript
        case "cpp", "cc", "cxx": self = .cpp
        case "swift": self = .swift
        default: return nil
        }
    }
}
