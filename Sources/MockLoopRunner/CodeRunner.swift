import Foundation
import MockLoopCore

#if canImport(Glibc)
    import Glibc
#endif

/// Runs candidate code against a question's tests, always inside the sandbox. One instance
/// per process: it probes the sandbox at start-up and refuses to run anything without one.
public final class CodeRunner: Sendable {
    public struct Configuration: Sendable {
        /// Job directories, the harness copies, the seccomp program and the C++ header cache.
        /// Must be traversable by the slot uids, so not under a 0700 home directory.
        public var workDirectory: String
        public var slots: Int
        /// Slot n runs as uid `uidBase + n` (only when the server runs as root).
        public var uidBase: UInt32
        /// Forces one sandbox mode (tests of the fallback); nil picks the best that works.
        public var forcedMode: String?

        public init(workDirectory: String? = nil, slots: Int = 2, uidBase: UInt32 = 61000, forcedMode: String? = nil) {
            self.workDirectory = workDirectory ?? "/tmp/mockloop-runner-\(geteuid())"
            self.slots = slots
            self.uidBase = uidBase
            self.forcedMode = forcedMode
        }

        /// From MOCKLOOP_RUNNER_DIR, MOCKLOOP_RUNNER_SLOTS, MOCKLOOP_RUNNER_UID_BASE, MOCKLOOP_SANDBOX_MODE.
        public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Configuration {
            Configuration(
                workDirectory: env["MOCKLOOP_RUNNER_DIR"],
                slots: env["MOCKLOOP_RUNNER_SLOTS"].flatMap(Int.init) ?? 2,
                uidBase: env["MOCKLOOP_RUNNER_UID_BASE"].flatMap(UInt32.init) ?? 61000,
                forcedMode: env["MOCKLOOP_SANDBOX_MODE"])
        }
    }

    public let configuration: Configuration
    public let status: SandboxStatus
    let sandbox: Sandbox?
    let toolchain: Toolchain
    private let slots: SlotPool
    /// Where the harness scripts are installed (benchmarks run them bare from here).
    public let harnessDirectory: String
    private let cppHeader: CppHeaderCache

    public init(configuration: Configuration = .fromEnvironment()) {
        self.configuration = configuration
        let toolchain = Toolchain.detect()
        self.toolchain = toolchain
        slots = SlotPool(count: configuration.slots)
        harnessDirectory = configuration.workDirectory + "/harness"
        cppHeader = CppHeaderCache(directory: configuration.workDirectory + "/pch")
        let started = DispatchTime.now().uptimeNanoseconds
        _ = ProcessSweep.becomeSubreaper
        let probed: Result<Sandbox, SandboxFailure>
        do {
            try Self.prepare(configuration.workDirectory, harness: harnessDirectory)
            let forced = configuration.forcedMode.flatMap(Sandbox.Mode.init(rawValue:))
            if let name = configuration.forcedMode, forced == nil {
                probed = .failure(SandboxFailure("unknown MOCKLOOP_SANDBOX_MODE '\(name)' (user-namespaces or privileged)"))
            } else {
                probed = Sandbox.probe(workDirectory: configuration.workDirectory, uid: configuration.uidBase, forcedMode: forced)
            }
        } catch {
            probed = .failure(SandboxFailure("\(error)"))
        }
        ProcessSweep.reapOrphans()
        let probeMs = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        switch probed {
        case .success(let sandbox):
            self.sandbox = sandbox
            status = SandboxStatus(
                available: true, mode: sandbox.mode.rawValue, reason: nil, probeMs: probeMs,
                languages: Language.allCases.filter { toolchain.path(for: $0) != nil })
        case .failure(let failure):
            sandbox = nil
            status = SandboxStatus(available: false, mode: nil, reason: failure.description, probeMs: probeMs, languages: [])
        }
    }

    /// The uids candidate code runs under (empty when the server is not root).
    public var slotUIDs: [UInt32] {
        guard sandbox?.switchesUser == true else { return [] }
        return (0..<configuration.slots).map { configuration.uidBase + UInt32($0) }
    }

    /// Builds what makes later runs fast (the precompiled C++ header, ~3 s once per work
    /// directory). The server starts it in the background; runs that need it also wait for it.
    public func warmUp() async {
        guard let sandbox, toolchain.gxx != nil else { return }
        await cppHeader.prepare(using: self, sandbox: sandbox)
    }

    /// Judges one submission. Throws only when it cannot be judged at all (bad request, no
    /// sandbox, language not installed); everything the code does becomes a verdict.
    public func run(_ submission: Submission) async throws -> RunReport {
        try submission.validate()
        guard let sandbox else { throw RunnerError.sandboxUnavailable(status.reason ?? "unknown") }
        guard toolchain.path(for: submission.language) != nil else {
            throw RunnerError.sandboxUnavailable("\(submission.language.label) is not installed on this server")
        }
        if submission.language == .cpp { await cppHeader.prepare(using: self, sandbox: sandbox) }
        let slot = await slots.acquire()
        defer { Task { await slots.release(slot) } }
        let uid = configuration.uidBase + UInt32(slot)
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: self.judge(submission, sandbox: sandbox, uid: uid))
            }
        }
    }

    private func judge(_ submission: Submission, sandbox: Sandbox, uid: UInt32) -> RunReport {
        // Other processes (a CLI run beside the server) use the same uids: a file lock per slot.
        let lock = SlotLock(directory: configuration.workDirectory, uid: uid)
        let started = DispatchTime.now().uptimeNanoseconds
        var job: JobDirectory?
        defer {
            if sandbox.switchesUser { ProcessSweep.killAll(uid: uid) }
            ProcessSweep.reapOrphans()
            job?.remove()
            lock.release()
        }
        do {
            let dir = try JobDirectory.create(in: configuration.workDirectory, uid: sandbox.switchesUser ? uid : nil)
            job = dir
            try dir.write(submission.source, to: "src/" + submission.language.sourceFile)
            try dir.write(submission.casesFile(), to: "cases.json")
            let plan = RunPlan(
                submission: submission, toolchain: toolchain, job: dir, harness: harnessDirectory,
                cppHeader: cppHeader.ready ? cppHeader.directory : nil)
            var compileMs: Double?
            if let compile = plan.compile {
                let outcome = try execute(compile, sandbox: sandbox, uid: uid, cases: 0)
                if sandbox.switchesUser { ProcessSweep.killAll(uid: uid) }
                compileMs = outcome.wallMs
                if outcome.exitCode != 0 || outcome.timedOut {
                    return plan.compileFailure(outcome, totalMs: elapsed(since: started))
                }
            }
            let outcome = try execute(plan.run, sandbox: sandbox, uid: uid, cases: submission.tests.cases.count)
            var report = VerdictJudge(tests: submission.tests, limits: submission.limits, language: submission.language)
                .judge(outcome, compileMs: compileMs)
            report.totalMs = elapsed(since: started)
            return report
        } catch {
            return RunReport(
                verdict: .internalError, compiled: nil, tests: [], totalMs: elapsed(since: started),
                language: submission.language, message: "The sandbox failed: \(error)")
        }
    }

    func execute(_ invocation: Sandbox.Invocation, sandbox: Sandbox, uid: UInt32, cases: Int) throws -> SandboxedProcess.Outcome {
        let limits = invocation.limits
        let process = SandboxedProcess(
            argv: sandbox.command(invocation, uid: uid), seccompFile: sandbox.seccompFile,
            wallSeconds: limits.wallSeconds, stdoutCap: limits.stdoutBytes, stderrCap: limits.stderrBytes,
            // What the harness reports is bounded by the output limits per case, and by a fixed
            // ceiling: code can write junk to the results descriptor too.
            resultsCap: min(32 << 20, max(4 << 20, (limits.stdoutBytes + 4096) * (cases + 1))))
        return try process.run()
    }

    private func elapsed(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    /// Creates the work directory (refusing one that someone else owns or that is a symlink)
    /// and copies the harnesses into it, readable by the slot uids.
    private static func prepare(_ directory: String, harness: String) throws {
        let fm = FileManager.default
        var info = stat()
        if lstat(directory, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid() else {
                throw SandboxFailure("\(directory) exists but is not a directory owned by this user")
            }
        } else {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        chmod(directory, 0o711)
        try fm.createDirectory(atPath: harness, withIntermediateDirectories: true)
        chmod(harness, 0o755)
        guard let source = Bundle.module.url(forResource: "Harness", withExtension: nil) else {
            throw SandboxFailure("the harness files are missing from the runner's resources")
        }
        // Other processes may be running submissions from this directory: replace a harness
        // only when it changed, and atomically.
        for name in try fm.contentsOfDirectory(atPath: source.path) {
            let target = harness + "/" + name
            let data = try Data(contentsOf: source.appendingPathComponent(name))
            if fm.contents(atPath: target) == data { continue }
            let staging = target + ".\(getpid())"
            try data.write(to: URL(fileURLWithPath: staging))
            chmod(staging, 0o644)
            guard rename(staging, target) == 0 else { throw SandboxFailure("cannot install harness \(name)") }
        }
    }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var sharedRunners: [String: CodeRunner] = [:]

    /// One runner per work directory and process: every app and command in the process shares
    /// its slots, so two of them never run code under the same uid at once.
    public static func shared(_ configuration: Configuration = .fromEnvironment()) -> CodeRunner {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let runner = sharedRunners[configuration.workDirectory] { return runner }
        let runner = CodeRunner(configuration: configuration)
        sharedRunners[configuration.workDirectory] = runner
        return runner
    }
}

/// What `/healthz` and the web pages say about the sandbox.
public struct SandboxStatus: Codable, Sendable, Equatable {
    public var available: Bool
    public var mode: String?
    public var reason: String?
    public var probeMs: Double
    public var languages: [Language]
}
