import Foundation
import MockLoopCore

/// Turns what the sandbox reported into verdicts. Expected results live only here, outside
/// the sandbox: the harness reports what the code returned or printed, the judge compares.
struct VerdictJudge {
    let tests: CodeTests
    let limits: RunLimits
    let language: Language

    static let sigXCPU: Int32 = 24, sigXFSZ: Int32 = 25, sigKill: Int32 = 9

    /// Words that crashing programs print when an allocation failed under the memory limit.
    static let memoryWords = [
        "MemoryError", "bad_alloc", "heap out of memory", "Cannot allocate memory",
        "out of memory", "Allocation failed", "failed to allocate",
    ]

    func judge(_ outcome: SandboxedProcess.Outcome, compileMs: Double?) -> RunReport {
        let records = HarnessRecord.parse(outcome.results)
        let stderr = String(decoding: outcome.stderrTail, as: UTF8.self)
        var report = RunReport(
            verdict: .accepted, compiled: true, tests: [], totalMs: (compileMs ?? 0) + outcome.wallMs,
            compileMs: compileMs, language: language, stdout: functionModeStdout(outcome))

        if let failure = records.first(where: { $0.index < 0 }) {
            let verdict: Verdict =
                switch failure.kind {
                case "compile": .compileError
                case "memory": .memoryLimit
                default: .runtimeError
                }
            report.compiled = verdict != .compileError
            if verdict == .compileError { report.compileOutput = failure.error } else { report.stderrTail = tail(failure.error ?? stderr) }
            report.message = failure.kind == "missing" ? failure.error : nil
            report.tests = tests.cases.indices.map { TestOutcome(index: $0, verdict: .skipped, timeMs: nil, hidden: hidden($0)) }
            report.verdict = verdict
            return report
        }

        var byIndex: [Int: HarnessRecord] = [:]
        for record in records where record.index < tests.cases.count { byIndex[record.index] = record }
        var stopped = false
        var errorText: String?
        for (i, testCase) in tests.cases.enumerated() {
            guard let record = byIndex[i] else {
                let verdict: Verdict = stopped ? .skipped : processVerdict(outcome, stderr: stderr)
                if !stopped { report.message = processMessage(verdict, outcome) }
                stopped = true
                report.tests.append(TestOutcome(index: i, verdict: verdict, timeMs: nil, hidden: hidden(i)))
                continue
            }
            let (verdict, actual) = judge(record, testCase)
            report.tests.append(TestOutcome(index: i, verdict: verdict, timeMs: record.ms, hidden: hidden(i)))
            if verdict == .runtimeError || verdict == .memoryLimit, errorText == nil {
                errorText = record.error ?? record.stderr
            }
            if verdict == .wrongAnswer, report.firstFailure == nil, !hidden(i), let actual {
                report.firstFailure = FailureDetail(index: i, input: input(testCase), expected: expected(testCase), actual: actual)
            }
        }
        report.verdict = report.tests.first { $0.verdict != .accepted && $0.verdict != .skipped }?.verdict ?? .accepted
        let combined = [errorText, stderr.isEmpty ? nil : stderr].compactMap { $0 }.joined(separator: "\n")
        report.stderrTail = combined.isEmpty ? nil : tail(combined)
        return report
    }

    private func judge(_ record: HarnessRecord, _ testCase: TestCase) -> (Verdict, JSONValue?) {
        if tests.mode == .function {
            if let error = record.error {
                if record.kind == "memory" || Self.mentionsMemory(error) { return (.memoryLimit, nil) }
                return (Self.mentionsFileLimit(error) ? .outputLimit : .runtimeError, nil)
            }
            let actual = record.value ?? .null
            let ok = OutputComparer.matches(
                actual, testCase.expected ?? .null, compare: tests.compare ?? .exact, tolerance: tests.tolerance)
            return (ok ? .accepted : .wrongAnswer, actual)
        }
        let stderr = record.stderr ?? ""
        if (record.stdoutBytes ?? 0) > limits.stdoutBytes || record.signal == Self.sigXFSZ { return (.outputLimit, nil) }
        if record.signal == Self.sigXCPU || record.signal == Self.sigKill { return (.timeLimit, nil) }
        if Self.mentionsMemory(stderr) && (record.signal != nil || record.exit != 0) { return (.memoryLimit, nil) }
        if record.signal != nil || record.exit != 0 { return (.runtimeError, nil) }
        let stdout = record.stdout ?? ""
        let ok = OutputComparer.matches(stdout: stdout, expected: testCase.stdout ?? "")
        return (ok ? .accepted : .wrongAnswer, .string(stdout))
    }

    /// Why the process stopped before reporting a test.
    private func processVerdict(_ outcome: SandboxedProcess.Outcome, stderr: String) -> Verdict {
        if outcome.outputExceeded { return .outputLimit }
        if outcome.timedOut { return .timeLimit }
        let signal = outcome.signal ?? outcome.exitCode.flatMap { $0 > 128 ? $0 - 128 : nil }
        if signal == Self.sigXCPU { return .timeLimit }
        if signal == Self.sigXFSZ { return .outputLimit }
        // A program that ignores SIGXCPU is killed at the hard CPU limit: SIGKILL that the
        // server did not send (no wall clock, no output overflow) is the CPU limit.
        if signal == Self.sigKill { return .timeLimit }
        if Self.mentionsMemory(stderr) { return .memoryLimit }
        return .runtimeError
    }

    private func processMessage(_ verdict: Verdict, _ outcome: SandboxedProcess.Outcome) -> String? {
        switch verdict {
        case .timeLimit where outcome.timedOut: "Stopped after the \(format(limits.wallSeconds)) s wall-clock limit."
        case .timeLimit: "Stopped after \(limits.cpuSeconds) s of CPU time."
        case .outputLimit: "Stopped: the program wrote more than \(limits.stdoutBytes / 1024) KiB of output."
        case .memoryLimit: "Ran out of memory (limit \(limits.memoryMiB) MiB)."
        default: nil
        }
    }

    /// A program that hit the file-size limit or filled /tmp (Python ignores SIGXFSZ and raises).
    static let fileLimitWords = ["File too large", "No space left on device"]

    static func mentionsMemory(_ text: String) -> Bool { memoryWords.contains { text.contains($0) } }
    static func mentionsFileLimit(_ text: String) -> Bool { fileLimitWords.contains { text.contains($0) } }

    private func hidden(_ i: Int) -> Bool { tests.cases[i].hidden ?? false }
    private func input(_ c: TestCase) -> JSONValue { tests.mode == .function ? (c.args ?? .array([])) : .string(c.stdin ?? "") }
    private func expected(_ c: TestCase) -> JSONValue { tests.mode == .function ? (c.expected ?? .null) : .string(c.stdout ?? "") }

    private func functionModeStdout(_ outcome: SandboxedProcess.Outcome) -> String? {
        guard tests.mode == .function, !outcome.stdout.isEmpty else { return nil }
        return String(decoding: outcome.stdout.prefix(8192), as: UTF8.self)
    }

    private func tail(_ text: String, lines: Int = 20) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
