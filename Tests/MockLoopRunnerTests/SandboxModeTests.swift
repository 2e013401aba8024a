import Foundation
import MockLoopCore
import Testing

@testable import MockLoopRunner

extension RunnerSuite {
    /// The fallback for machines without user namespaces (privileged bubblewrap, then setpriv to the
    /// slot uid), and the refusal when no sandbox works.
    @Suite struct SandboxModeTests {
        @Test(.enabled(if: geteuid() == 0, "the privileged fallback needs root"))
        func privilegedFallbackRunsAsTheSlotUidAndCleansUp() async throws {
            let runner = CodeRunner(
                configuration: .init(
                    workDirectory: "/tmp/mockloop-runner-tests-privileged", slots: 1,
                    uidBase: 61150, forcedMode: "privileged"))
            #expect(runner.status.available, "\(runner.status.reason ?? "")")
            #expect(runner.status.mode == "privileged")
            let probe = CodeTests(
                mode: .function, entryPoint: "probe", compare: .exact,
                cases: [TestCase(args: .array([]), expected: .array([.int(61150), .int(0), .int(1)]))])
            let code = """
                import os, ctypes
                def probe():
                    libc = ctypes.CDLL(None, use_errno=True)
                    ctypes.set_errno(0)
                    traced = libc.ptrace(0, 0, 0, 0)
                    caps = int(open("/proc/self/status").read().split("CapEff:")[1].split()[0], 16)
                    return [os.getuid(), caps, ctypes.get_errno() if traced != 0 else 0]
                """
            let report = try await runner.run(Submission(source: code, language: .python, tests: probe))
            #expect(report.verdict == .accepted, "\(report.firstFailure.map { "\($0.actual)" } ?? report.stderrTail ?? "")")
            let sleeper = try await runner.run(
                Submission(
                    source: "import os, time\ndef probe():\n    os.fork()\n    time.sleep(100)\n", language: .python,
                    tests: probe, limits: RunnerFixture.tight))
            #expect(sleeper.verdict == .timeLimit)
            // Compiling and stdio cases both write to /tmp as the slot uid.
            let cpp = try await runner.run(
                Submission(
                    source: "#include <iostream>\nint main(){long a,b;std::cin>>a>>b;std::cout<<a+b<<\"\\n\";}\n",
                    language: .cpp, tests: RunnerFixture.addStdio))
            #expect(cpp.verdict == .accepted, "\(cpp.compileOutput ?? cpp.stderrTail ?? "")")
            #expect(ProcessSweep.living(uid: 61150).isEmpty)
        }

        @Test func anUnknownModeMeansNoSandboxAndNoRun() async throws {
            let runner = CodeRunner(
                configuration: .init(
                    workDirectory: "/tmp/mockloop-runner-tests-none", slots: 1,
                    uidBase: 61160, forcedMode: "none-such"))
            #expect(!runner.status.available)
            #expect(runner.status.reason?.contains("none-such") == true)
            await #expect(throws: RunnerError.self) {
                try await runner.run(
                    Submission(
                        source: "def f(): return 1", language: .python,
                        tests: CodeTests(mode: .function, entryPoint: "f", cases: [TestCase(args: .array([]), expected: .int(1))])))
            }
        }
    }
}
