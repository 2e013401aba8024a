import Foundation
import MockLoopCore
import MockLoopRunner

/// The verdict table `mockloop run-code` prints: fits 80 columns.
struct RunReportText {
    let report: RunReport

    init(_ report: RunReport) { self.report = report }

    var text: String {
        let r = report
        var lines = [
            "\(r.verdict.label) — \(r.passed)/\(r.tests.count) tests passed in \(Self.ms(r.totalMs)) (\(r.language.label)"
                + (r.compileMs.map { ", compiling \(Self.ms($0)))" } ?? ")")
        ]
        if let message = r.message { lines.append(message) }
        if let failure = r.firstFailure {
            lines.append("")
            lines.append("Test \(failure.index + 1) failed")
            lines.append("  input:    \(Self.cut(Self.text(failure.input)))")
            lines.append("  expected: \(Self.cut(Self.text(failure.expected)))")
            lines.append("  actual:   \(Self.cut(Self.text(failure.actual)))")
        }
        if let output = r.compileOutput { lines += ["", "Compiler output:", output] }
        if let stderr = r.stderrTail { lines += ["", "Error output (last lines):", stderr] }
        if !r.tests.isEmpty {
            lines += ["", "  #  verdict                 time"]
            for t in r.tests {
                let number = String(t.index + 1).leftPadded(3)
                let verdict = (t.verdict.label + (t.hidden ? " (hidden)" : "")).padding(toLength: 22, withPad: " ", startingAt: 0)
                lines.append("\(number)  \(verdict)  \(t.timeMs.map(Self.ms) ?? "–")")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func ms(_ v: Double) -> String {
        v < 0.01
            ? "<0.01 ms"
            : v < 1 ? String(format: "%.2f ms", v) : v < 1000 ? String(format: "%.0f ms", v) : String(format: "%.2f s", v / 1000)
    }

    static func text(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s.replacingOccurrences(of: "\n", with: "⏎") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? ""
    }

    static func cut(_ s: String, to width: Int = 66) -> String { s.count > width ? String(s.prefix(width - 1)) + "…" : s }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
