import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A precompiled <bits/stdc++.h>: compiling against it takes C++ submissions from ~1 s to a
/// fraction of that. Built once per work directory, inside the sandbox, then handed to root
/// and made read-only so no submission can alter it.
actor CppHeaderCache {
    nonisolated let directory: String
    private var attempted = false

    init(directory: String) { self.directory = directory }

    static let flags = ["-std=c++17", "-O2", "-pipe"]

    nonisolated var ready: Bool { access(directory + "/stdcxx.h.gch", R_OK) == 0 }

    func prepare(using runner: CodeRunner, sandbox: Sandbox) {
        guard !attempted, !ready, let gxx = runner.toolchain.gxx else { return }
        attempted = true
        let uid = runner.configuration.uidBase + UInt32(runner.configuration.slots)
        // Another process sharing the work directory may be building it right now.
        let lock = SlotLock(directory: runner.configuration.workDirectory, uid: uid)
        defer { lock.release() }
        if ready { return }
        let fm = FileManager.default
        try? fm.removeItem(atPath: directory)
        guard (try? fm.createDirectory(atPath: directory, withIntermediateDirectories: false)) != nil,
            (try? Data("#include <bits/stdc++.h>\n".utf8).write(to: URL(fileURLWithPath: directory + "/stdcxx.h"))) != nil
        else { return }
        // An extra uid beyond the slots (see above), so a running submission never shares it.
        if sandbox.switchesUser { lchown(directory, uid, uid) }
        chmod(directory, 0o755)
        let build = Sandbox.Invocation(
            program: [gxx] + Self.flags + ["-x", "c++-header", "/pch/stdcxx.h", "-o", "/pch/building.gch"],
            binds: [Sandbox.Bind(source: directory, target: "/pch", writable: true)],
            limits: .compile, addressSpaceMiB: RunLimits.compile.memoryMiB, tmpMiB: 256, workingDirectory: "/pch")
        let outcome = try? runner.execute(build, sandbox: sandbox, uid: uid, cases: 0)
        if sandbox.switchesUser { ProcessSweep.killAll(uid: uid) }
        ProcessSweep.reapOrphans()
        lchown(directory, geteuid(), getegid())
        // Only a finished build gets the name g++ looks for: an interrupted one (the process
        // stopped mid-build) would otherwise be an invalid header that g++ silently skips.
        let built = directory + "/building.gch"
        guard outcome?.exitCode == 0, !outcome!.timedOut else {
            try? fm.removeItem(atPath: built)
            return
        }
        // Opened without following a link, checked to be a plain file, then handed to root.
        let fd = open(built, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            try? fm.removeItem(atPath: built)
            return
        }
        fchown(fd, geteuid(), getegid())
        fchmod(fd, 0o644)
        rename(built, directory + "/stdcxx.h.gch")
    }
}
