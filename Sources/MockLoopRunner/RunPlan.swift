import Foundation
import MockLoopCore

/// The sandboxed commands for one submission: an optional compile step, then one harness
/// process that runs every test case.
struct RunPlan {
    let submission: Submission
    let compile: Sandbox.Invocation?
    let run: Sandbox.Invocation

    init(submission: Submission, toolchain: Toolchain, job: JobDirectory, harness: String, cppHeader: String?) {
        self.submission = submission
        let language = submission.language
        let limits = submission.limits
        let tool = toolchain.path(for: language)!
        let python = toolchain.python ?? "/usr/bin/python3"
        let extra = toolchain.extraMounts(for: language)
        // -I: ignore the environment and user site; -S: skip `site` (≈10 ms); -B: write no bytecode.
        let pythonFlags = ["-I", "-S", "-B"]
        let nodeFlags = ["--max-old-space-size=\(limits.memoryMiB)"]
        // V8 reserves address space far beyond its heap; the heap itself is capped by the flag.
        let addressSpace = language == .javascript ? limits.memoryMiB + 1024 : limits.memoryMiB

        switch language {
        case .cpp:
            var args = [tool] + CppHeaderCache.flags
            var binds = [
                Sandbox.Bind(source: job.path + "/src", target: "/job/src"),
                Sandbox.Bind(source: job.path + "/out", target: "/job/out", writable: true),
            ]
            if let cppHeader {
                args += ["-include", "/pch/stdcxx.h"]
                binds.append(Sandbox.Bind(source: cppHeader, target: "/pch"))
            }
            compile = Sandbox.Invocation(
                program: args + ["-o", "/job/out/main", "/job/src/main.cpp"], binds: binds,
                limits: .compile, addressSpaceMiB: RunLimits.compile.memoryMiB, tmpMiB: 256)
        case .swift:
            compile = Sandbox.Invocation(
                program: [tool, "-O", "-module-cache-path", "/tmp/module-cache", "-o", "/job/out/main", "/job/src/main.swift"],
                binds: [
                    Sandbox.Bind(source: job.path + "/src", target: "/job/src"),
                    Sandbox.Bind(source: job.path + "/out", target: "/job/out", writable: true),
                ] + extra,
                limits: .compile, addressSpaceMiB: 8192, tmpMiB: 512)
        case .python, .javascript:
            compile = nil
        }

        let program: [String]
        switch (submission.tests.mode, language) {
        case (.function, .python):
            program = [tool] + pythonFlags + ["/harness/function.py", submission.tests.entryPoint ?? ""]
        case (.function, _):
            program = [tool] + nodeFlags + ["/harness/function.js", submission.tests.entryPoint ?? ""]
        case (.stdio, .python):
            program = [python] + pythonFlags + ["/harness/stdio.py", tool] + pythonFlags + ["/job/src/solution.py"]
        case (.stdio, .javascript):
            program = [python] + pythonFlags + ["/harness/stdio.py", tool] + nodeFlags + ["/job/src/solution.js"]
        case (.stdio, _):
            program = [python] + pythonFlags + ["/harness/stdio.py", "/job/out/main"]
        }
        run = Sandbox.Invocation(
            program: program,
            binds: [Sandbox.Bind(source: job.path, target: "/job"), Sandbox.Bind(source: harness, target: "/harness")]
                + (language == .swift ? extra : []),
            environment: ["MOCKLOOP_STDOUT_CAP": "\(limits.stdoutBytes)", "MOCKLOOP_STDERR_CAP": "\(limits.stderrBytes)"],
            limits: limits, addressSpaceMiB: addressSpace, tmpMiB: max(64, limits.fileSizeMiB * 2 + 16))
    }

    /// A compile step that failed: the compiler's words, with the sandbox's paths taken out.
    func compileFailure(_ outcome: SandboxedProcess.Outcome, totalMs: Double) -> RunReport {
        var output = String(decoding: outcome.stderrTail, as: UTF8.self) + String(decoding: outcome.stdout, as: UTF8.self)
        output = output.replacingOccurrences(of: "/job/src/", with: "")
        if outcome.timedOut { output = "Compilation did not finish within \(Int(RunLimits.compile.wallSeconds)) s.\n" + output }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return RunReport(
            verdict: .compileError, compiled: false,
            tests: submission.tests.cases.indices.map {
                TestOutcome(index: $0, verdict: .skipped, timeMs: nil, hidden: submission.tests.cases[$0].hidden ?? false)
            },
            totalMs: totalMs, compileMs: outcome.wallMs, language: submission.language,
            compileOutput: lines.prefix(60).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
