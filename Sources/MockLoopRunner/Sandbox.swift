import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How candidate code is confined: bubblewrap with every namespace unshared, no network,
/// read-only /usr and job directory, a size-limited /tmp, rlimits from prlimit, the seccomp
/// program, and — when the server runs as root — a dedicated unprivileged uid per slot.
struct Sandbox: Sendable {
    enum Mode: String, Sendable {
        /// bwrap creates a user namespace itself; the preferred mode.
        case userNamespaces = "user-namespaces"
        /// No user namespaces, but root may unshare the rest: bwrap runs privileged and the
        /// program drops to the slot's uid with setpriv inside.
        case privileged
    }

    struct Bind: Sendable {
        var source: String
        var target: String
        var writable = false
    }

    /// One program to run: what, with which extra mounts, environment and limits.
    struct Invocation {
        var program: [String]
        var binds: [Bind]
        var environment: [String: String] = [:]
        var limits: RunLimits
        var addressSpaceMiB: Int
        var tmpMiB: Int
        var workingDirectory = "/job"
    }

    let mode: Mode
    let bwrap: String
    let prlimit: String
    let setpriv: String
    let seccompFile: String
    /// Only root can give each slot its own uid; others run the sandbox as themselves.
    let switchesUser: Bool

    func command(_ job: Invocation, uid: UInt32) -> [String] {
        let l = job.limits
        var argv: [String] = []
        if switchesUser && mode == .userNamespaces {
            argv += [setpriv, "--reuid", "\(uid)", "--regid", "\(uid)", "--clear-groups", "--no-new-privs", "--"]
        }
        argv += [
            prlimit,
            "--as=\(job.addressSpaceMiB << 20)", "--cpu=\(l.cpuSeconds):\(l.cpuSeconds + 1)",
            "--nproc=\(l.processes)", "--fsize=\(l.fileSizeMiB << 20)", "--nofile=256", "--core=0", "--",
        ]
        // Privileged mode must not enter a user namespace: only root is mapped there, so the
        // drop to the slot uid would fail. It unshares everything else.
        let unshare =
            mode == .userNamespaces
            ? ["--unshare-all"]
            : ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
        argv +=
            [bwrap] + unshare + [
                "--die-with-parent", "--new-session", "--clearenv",
                "--hostname", "sandbox",
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--proc", "/proc", "--dev", "/dev",
                // 1777: in privileged mode the program runs as the slot uid, not the tmpfs owner.
                "--perms", "1777", "--size", "\(job.tmpMiB << 20)", "--tmpfs", "/tmp",
            ]
        // Directories bwrap creates for mount points are root-only (0700) when it runs
        // privileged: the ancestors of every mount point are made traversable first.
        var ancestors: [String] = []
        for bind in job.binds {
            var path = (bind.target as NSString).deletingLastPathComponent
            var chain: [String] = []
            while path != "/" && !path.isEmpty {
                chain.insert(path, at: 0)
                path = (path as NSString).deletingLastPathComponent
            }
            for dir in chain where !ancestors.contains(dir) { ancestors.append(dir) }
        }
        for dir in ancestors { argv += ["--perms", "0755", "--dir", dir] }
        for bind in job.binds {
            argv += [bind.writable ? "--bind" : "--ro-bind", bind.source, bind.target]
        }
        // The root and /dev are unlimited tmpfs mounts that the program could fill: read-only.
        argv += ["--remount-ro", "/", "--remount-ro", "/dev"]
        let environment = ["PATH": "/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8"]
            .merging(job.environment) { $1 }
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { argv += ["--setenv", key, value] }
        argv += ["--seccomp", "\(SandboxedProcess.seccompFD)", "--chdir", job.workingDirectory]
        if mode == .privileged {
            argv += [
                "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--",
                setpriv, "--reuid", "\(uid)", "--regid", "\(uid)", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs",
            ]
        }
        argv += ["--"] + job.program
        return argv
    }

    /// Finds the tools, writes the seccomp program and starts a trivial sandboxed process
    /// (≈15 ms) in the best mode that works. Returns why not when none does.
    static func probe(workDirectory: String, uid: UInt32, forcedMode: Mode? = nil) -> Result<Sandbox, SandboxFailure> {
        guard let bwrap = Toolchain.find("bwrap") else {
            return .failure(SandboxFailure("bubblewrap is not installed (apt-get install bubblewrap)"))
        }
        guard let prlimit = Toolchain.find("prlimit"), let setpriv = Toolchain.find("setpriv") else {
            return .failure(SandboxFailure("prlimit and setpriv (util-linux) are required"))
        }
        guard let arch = SeccompFilter.native else {
            return .failure(SandboxFailure("no seccomp program for this CPU architecture"))
        }
        guard SandboxedProcess.canCloseDescriptors else {
            return .failure(SandboxFailure("this libc cannot close inherited descriptors at spawn (needs glibc 2.34+)"))
        }
        let seccompFile = workDirectory + "/seccomp.bpf"
        do {
            try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
            try Data(SeccompFilter(arch: arch).bytes).write(to: URL(fileURLWithPath: seccompFile))
        } catch {
            return .failure(SandboxFailure("cannot write to the runner directory \(workDirectory): \(error.localizedDescription)"))
        }
        let root = geteuid() == 0
        let modes: [Mode] = forcedMode.map { [$0] } ?? (root ? [.userNamespaces, .privileged] : [.userNamespaces])
        var reasons: [String] = []
        for mode in modes {
            if mode == .privileged && !root {
                reasons.append("privileged mode needs root")
                continue
            }
            let sandbox = Sandbox(
                mode: mode, bwrap: bwrap, prlimit: prlimit, setpriv: setpriv,
                seccompFile: seccompFile, switchesUser: root)
            let check = Invocation(
                program: ["/usr/bin/true"], binds: [], limits: .standard,
                addressSpaceMiB: 256, tmpMiB: 1, workingDirectory: "/")
            let process = SandboxedProcess(
                argv: sandbox.command(check, uid: uid), seccompFile: seccompFile,
                wallSeconds: 5, stdoutCap: 4096, stderrCap: 4096, resultsCap: 4096)
            do {
                let outcome = try process.run()
                if outcome.exitCode == 0 { return .success(sandbox) }
                let said = String(decoding: outcome.stderrTail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                reasons.append("\(mode.rawValue): \(said.isEmpty ? "exit \(outcome.exitCode ?? -1)" : said)")
            } catch {
                reasons.append("\(mode.rawValue): \(error)")
            }
        }
        return .failure(SandboxFailure("no working sandbox (\(reasons.joined(separator: "; ")))"))
    }
}
