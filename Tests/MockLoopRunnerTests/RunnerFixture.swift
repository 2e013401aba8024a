import Foundation
import MockLoopCore
import Testing

@testable import MockLoopRunner

/// All runner suites run one test at a time: the abuse tests check that no process is left
/// under a slot uid, which only holds while nothing else runs in those slots.
@Suite(.serialized) enum RunnerSuite {}

/// One runner for all runner tests: the real sandbox, the real interpreters and compilers.
enum RunnerFixture {
    static let runner: CodeRunner = {
        let runner = CodeRunner(configuration: .init(workDirectory: "/tmp/mockloop-runner-tests", slots: 2, uidBase: 61100))
        precondition(
            runner.status.available, "the sandbox is unavailable: \(runner.status.reason ?? "?") — scripts/test.sh installs bubblewrap")
        return runner
    }()

    /// Short limits keep the abuse suite quick; the verdicts are the same as with the defaults.
    static let tight = RunLimits(cpuSeconds: 1, wallSeconds: 2, memoryMiB: 256, processes: 64, fileSizeMiB: 16)

    static func run(_ code: String, _ language: Language, _ tests: CodeTests, limits: RunLimits? = nil) async throws -> RunReport {
        try await runner.run(Submission(source: code, language: language, tests: tests, limits: limits))
    }

    static let addFunction = CodeTests(
        mode: .function, entryPoint: "add_pair", compare: .exact,
        cases: [
            TestCase(args: .array([.int(1), .int(2)]), expected: .int(3)),
            TestCase(args: .array([.int(-5), .int(5)]), expected: .int(0)),
            TestCase(args: .array([.int(40), .int(2)]), expected: .int(42), hidden: true),
        ])

    static let addStdio = CodeTests(
        mode: .stdio,
        cases: [
            TestCase(stdin: "1 2\n", stdout: "3\n"),
            TestCase(stdin: "-5 5\n", stdout: "0\n"),
            TestCase(stdin: "40 2\n", stdout: "42\n", hidden: true),
        ])

    /// Processes still running under any slot uid (there must be none between submissions).
    static func leftovers() -> [pid_t] {
        runner.slotUIDs.flatMap { ProcessSweep.living(uid: $0) }
    }
}
