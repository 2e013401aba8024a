import Foundation
import MockLoopCore

/// A candidate's code, the language it is in, and the tests to run it against.
public struct Submission: Sendable {
    public var source: String
    public var language: Language
    public var tests: CodeTests
    public var limits: RunLimits

    public static let maxSourceBytes = 64 << 10
    public static let maxCases = 500

    /// Without explicit limits, the defaults with the tests' own overrides.
    public init(source: String, language: Language, tests: CodeTests, limits: RunLimits? = nil) {
        self.source = source
        self.language = language
        self.tests = tests
        self.limits = limits ?? RunLimits.standard.overridden(by: tests.limits)
    }

    /// Refuses what cannot be judged, naming the field: empty or oversized code, a function-mode
    /// question in a language without a function harness, cases without expected results.
    func validate() throws {
        if source.allSatisfy(\.isWhitespace) { throw RunnerError.badRequest("code", "is empty") }
        if source.utf8.count > Self.maxSourceBytes {
            throw RunnerError.badRequest("code", "is larger than \(Self.maxSourceBytes / 1024) KiB")
        }
        if source.utf8.contains(0) { throw RunnerError.badRequest("code", "contains a NUL byte") }
        if tests.cases.isEmpty { throw RunnerError.badRequest("tests.cases", "has no cases") }
        if tests.cases.count > Self.maxCases { throw RunnerError.badRequest("tests.cases", "has more than \(Self.maxCases) cases") }
        switch tests.mode {
        case .function:
            guard language.supportsFunctionMode else {
                throw RunnerError.badRequest(
                    "language", "\(language.label) answers stdio tests only; these tests call a function (use python or javascript)")
            }
            guard let entry = tests.entryPoint, entry.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil else {
                throw RunnerError.badRequest("tests.entryPoint", "must name the function to call (letters, digits, underscores)")
            }
            if let i = tests.cases.firstIndex(where: { $0.expected == nil }) {
                throw RunnerError.badRequest("tests.cases[\(i)].expected", "is missing")
            }
            if let i = tests.cases.firstIndex(where: { $0.args.map { if case .array = $0 { false } else { true } } ?? false }) {
                throw RunnerError.badRequest("tests.cases[\(i)].args", "must be a list of arguments")
            }
        case .stdio:
            if let i = tests.cases.firstIndex(where: { $0.stdout == nil }) {
                throw RunnerError.badRequest("tests.cases[\(i)].stdout", "is missing")
            }
        }
        if tests.compare == .float, let t = tests.tolerance, !(t >= 0 && t.isFinite) {
            throw RunnerError.badRequest("tests.tolerance", "must be a non-negative number")
        }
        _ = try limits.validated()
    }

    /// What the sandbox may see of the cases: arguments or stdin, never the expected results.
    func casesFile() throws -> Data {
        let inputs: [JSONValue] = tests.cases.map { c in
            tests.mode == .function ? .object(["args": c.args ?? .array([])]) : .object(["stdin": .string(c.stdin ?? "")])
        }
        return try JSONEncoder().encode(inputs)
    }
}
