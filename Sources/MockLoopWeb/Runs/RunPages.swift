import Foundation
import MockLoopCore
import MockLoopRunner
import MockLoopServices
import MockLoopStore

/// A runner report as the session page shows it.
struct RunView: Encodable {
    struct Test: Encodable {
        var number: Int
        var verdict, verdictKey, time: String
        var hidden: Bool
    }

    var verdict, verdictKey, summary: String
    var compileOutput, stderrTail, stdout, message: String
    var failure: Failure?
    var tests: [Test]

    struct Failure: Encodable {
        var number: Int
        var input, expected, actual: String
    }

    init(_ r: RunReport) {
        verdict = r.verdict.label
        verdictKey = r.verdict.rawValue
        summary =
            "\(r.passed)/\(r.tests.count) tests passed · \(RunView.ms(r.totalMs))"
            + (r.compileMs.map { " (compiling \(RunView.ms($0)))" } ?? "")
        compileOutput = r.compileOutput ?? ""
        stderrTail = r.stderrTail ?? ""
        stdout = r.stdout ?? ""
        message = r.message ?? ""
        failure = r.firstFailure.map {
            Failure(
                number: $0.index + 1, input: RunView.text($0.input), expected: RunView.text($0.expected), actual: RunView.text($0.actual))
        }
        tests = r.tests.map {
            Test(
                number: $0.index + 1, verdict: $0.verdict.label, verdictKey: $0.verdict.rawValue,
                time: $0.timeMs.map(RunView.ms) ?? "–", hidden: $0.hidden)
        }
    }

    static func ms(_ v: Double) -> String { v < 1 ? "<1 ms" : v < 1000 ? "\(Int(v.rounded())) ms" : String(format: "%.2f s", v / 1000) }

    static func text(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? ""
    }
}

/// The "Run code" card of a coding session: the form, the latest result, earlier runs and rates.
struct CodeCard: Encodable {
    struct Row: Encodable { var when, language, verdict, verdictKey, passed, time: String }

    var available: Bool
    var unavailableReason: String
    var languages: [Choice]
    var code: String
    var mode: String
    var result: RunView?
    var runs: [Row]
    var rates: String

    /// What the user just ran from the card's form: kept in the editor with its result.
    struct Input {
        var language: String
        var code: String
        /// nil when the run could not start (its problem is shown beside the field).
        var result: RunView?
    }

    init(status: SandboxStatus, tests: CodeTests, input: Input?, runs: [CodeRunRepository.Run], summary: CodeRunRepository.Summary) {
        let language = input?.language
        let code = input?.code ?? ""
        let result = input?.result ?? nil
        available = status.available
        unavailableReason = status.reason ?? ""
        let allowed = Language.allCases.filter { tests.mode == .stdio || $0.supportsFunctionMode }
        let chosen = language.flatMap(Language.init(loose:)) ?? .python
        languages = allowed.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == chosen) }
        self.code = code
        mode =
            tests.mode == .function
            ? "Write the function \(tests.entryPoint ?? ""); each test calls it and compares what it returns."
            : "Read standard input and print the answer; each test compares what you print."
        self.result = result
        let time = DateFormatter()
        time.dateFormat = "yyyy-MM-dd HH:mm"
        self.runs = runs.map { r in
            Row(
                when: time.string(from: r.createdAt), language: r.language.label,
                verdict: r.verdict.label, verdictKey: r.verdict.rawValue,
                passed: "\(r.passed)/\(r.total)", time: RunView.ms(r.totalMs))
        }
        func percent(_ v: Double?) -> String { v.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
        rates =
            summary.runs == 0
            ? "" : "\(summary.runs) runs in this session · compiled \(percent(summary.compileRate)) · passed \(percent(summary.passRate))"
    }
}
