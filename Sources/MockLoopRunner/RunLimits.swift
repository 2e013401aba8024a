import MockLoopCore

/// What one submission may use. Defaults suit interview-sized problems; a question can
/// override them (a heavy graph problem may want more CPU), and compiling has its own, larger set.
public struct RunLimits: Codable, Sendable, Equatable {
    /// CPU seconds per process (RLIMIT_CPU): the harness runs all function-mode cases in one process.
    public var cpuSeconds: Int
    /// Wall-clock limit for the whole submission, enforced by the server.
    public var wallSeconds: Double
    public var memoryMiB: Int
    public var processes: Int
    public var fileSizeMiB: Int
    public var stdoutBytes: Int
    public var stderrBytes: Int

    public init(
        cpuSeconds: Int = 2, wallSeconds: Double = 5, memoryMiB: Int = 256, processes: Int = 64,
        fileSizeMiB: Int = 16, stdoutBytes: Int = 1 << 20, stderrBytes: Int = 64 << 10
    ) {
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        self.memoryMiB = memoryMiB
        self.processes = processes
        self.fileSizeMiB = fileSizeMiB
        self.stdoutBytes = stdoutBytes
        self.stderrBytes = stderrBytes
    }

    public static let standard = RunLimits()

    /// Compilers need far more memory and time than the programs they build; their output is
    /// still bounded, and they still run inside the same sandbox.
    public static let compile = RunLimits(
        cpuSeconds: 30, wallSeconds: 45, memoryMiB: 4096, processes: 64,
        fileSizeMiB: 128, stdoutBytes: 64 << 10, stderrBytes: 64 << 10)

    /// The defaults with a question's overrides.
    public func overridden(by limits: CodeLimits?) -> RunLimits {
        var merged = self
        if let cpu = limits?.cpuSeconds { merged.cpuSeconds = cpu }
        if let wall = limits?.wallSeconds { merged.wallSeconds = wall }
        if let memory = limits?.memoryMiB { merged.memoryMiB = memory }
        return merged
    }

    /// Checks limits that come from a question file or a request, against `CodeLimits`' ceilings.
    public func validated(field: String = "tests.limits") throws -> RunLimits {
        var problems = CodeLimits.problems(cpuSeconds: cpuSeconds, wallSeconds: wallSeconds, memoryMiB: memoryMiB)
        if !(1...512).contains(processes) { problems.append("processes must be 1–512") }
        if !(1...1024).contains(fileSizeMiB) { problems.append("fileSizeMiB must be 1–1024") }
        if !(1024...(64 << 20)).contains(stdoutBytes) { problems.append("stdoutBytes must be 1 KiB–64 MiB") }
        if !(1024...(16 << 20)).contains(stderrBytes) { problems.append("stderrBytes must be 1 KiB–16 MiB") }
        if !problems.isEmpty { throw RunnerError.badRequest(field, problems.joined(separator: "; ")) }
        return self
    }
}
