import Foundation

/// The code a coding mock's editor starts with: the function's signature in the languages its
/// tests run in (function mode: Python and JavaScript), or a program that reads the whole
/// input in all four (stdio mode). Parameter names come from the prompt's own "name(a, b)".
public struct StarterCode: Sendable, Equatable {
    public let language: Language
    public let text: String

    /// nil: the question has no tests, or its tests cannot run in this language.
    public init?(question: Question, language: Language) {
        guard let tests = question.tests else { return nil }
        self.language = language
        switch tests.mode {
        case .function:
            guard language.supportsFunctionMode, let entry = tests.entryPoint, !entry.isEmpty else { return nil }
            let arity = tests.cases.first?.args.flatMap { if case .array(let a) = $0 { a.count } else { 1 } } ?? 1
            let params = Self.parameters(of: entry, in: question.prompt, arity: arity)
            switch language {
            case .python: text = "def \(entry)(\(params.joined(separator: ", "))):\n    # Your code here\n    pass\n"
            default: text = "function \(entry)(\(params.joined(separator: ", "))) {\n  // Your code here\n}\n"
            }
        case .stdio:
            switch language {
            case .python: text = "import sys\n\ndata = sys.stdin.read().split()\n# Your code here: print the answer\n"
            case .javascript:
                text =
                    "const data = require(\"fs\").readFileSync(0, \"utf8\").split(/\\s+/).filter(Boolean);\n// Your code here: print the answer\n"
            case .cpp:
                text =
                    "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    // Your code here: read from cin, print the answer\n    return 0;\n}\n"
            case .swift:
                text = "var lines: [String] = []\nwhile let line = readLine() { lines.append(line) }\n// Your code here: print the answer\n"
            }
        }
    }

    /// The languages a question's tests run in.
    public static func languages(for question: Question) -> [Language] {
        Language.allCases.filter { StarterCode(question: question, language: $0) != nil }
    }

    /// "is_balanced(s)" in the prompt gives ["s"]; otherwise a, b, c… as many as the tests pass.
    static func parameters(of entry: String, in prompt: String, arity: Int) -> [String] {
        let pattern = NSRegularExpression.escapedPattern(for: entry) + #"\(([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)\)"#
        if let regex = try? NSRegularExpression(pattern: pattern),
            let m = regex.firstMatch(in: prompt, range: NSRange(prompt.startIndex..., in: prompt)),
            let r = Range(m.range(at: 1), in: prompt)
        {
            let names = prompt[r].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if names.count == arity { return names }
        }
        return (0..<max(0, arity)).map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }
    }
}
