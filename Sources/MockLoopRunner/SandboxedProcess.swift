import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One sandboxed process (the bwrap command line the `Sandbox` builds), started with
/// posix_spawn so it gets exactly the descriptors it should: stdin from /dev/null, stdout and
/// stderr pipes, a results pipe on fd 3 that only the harness writes, and the seccomp program
/// on fd 9 for bwrap. Every other descriptor of this process (the database file among them) is
/// closed before exec. The server enforces the wall-clock limit itself and kills the whole
/// process group; bwrap's PID namespace takes every descendant down with it.
struct SandboxedProcess {
    struct Outcome {
        var exitCode: Int32?
        var signal: Int32?
        var stdout: Data
        var stdoutBytes: Int
        var stderrTail: Data
        var results: Data
        var timedOut: Bool
        var outputExceeded: Bool
        var wallMs: Double
    }

    var argv: [String]
    var seccompFile: String?
    var wallSeconds: Double
    var stdoutCap: Int
    var stderrCap: Int
    var resultsCap: Int

    static let resultsFD: Int32 = 3
    static let seccompFD: Int32 = 9

    func run() throws -> Outcome {
        guard let closeFrom = Self.closeFrom else { throw SandboxFailure("posix_spawn_file_actions_addclosefrom_np is missing from libc") }
        let out = try Pipe.make()
        let err: Pipe
        let res: Pipe
        do { err = try Pipe.make() } catch {
            out.close()
            throw error
        }
        do { res = try Pipe.make() } catch {
            out.close()
            err.close()
            throw error
        }
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, err.write, 2)
        posix_spawn_file_actions_adddup2(&actions, res.write, Self.resultsFD)
        // Everything else this process has open stays out of the sandbox.
        _ = closeFrom(&actions, Self.resultsFD + 1)
        if let seccompFile {
            posix_spawn_file_actions_addopen(&actions, Self.seccompFD, seccompFile, O_RDONLY, 0)
        }

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        // Own process group (to kill the tree), default signal dispositions (the server ignores
        // SIGPIPE; the candidate's program should not inherit that), nothing blocked.
        var defaults = sigset_t()
        var empty = sigset_t()
        sigfillset(&defaults)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setpgroup(&attr, 0)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var env: [UnsafeMutablePointer<CChar>?] = [nil]
        let started = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, argv[0], &actions, &attr, cArgs, &env)
        close(out.write)
        close(err.write)
        close(res.write)
        guard rc == 0 else {
            close(out.read)
            close(err.read)
            close(res.read)
            throw SandboxFailure("could not start \(argv[0]): \(String(cString: strerror(rc)))")
        }

        var stdout = Data()
        var stderr = Data()
        var results = Data()
        var stdoutBytes = 0
        var timedOut = false
        var exceeded = false
        var open: [Int32: Bool] = [out.read: true, err.read: true, res.read: true]
        let deadline = started + UInt64(wallSeconds * 1e9)
        var buffer = [UInt8](repeating: 0, count: 65536)
        var killed = false
        func killTree() {
            if !killed {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                killed = true
            }
        }
        while open.values.contains(true) {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline {
                timedOut = true
                killTree()
                break
            }
            var fds = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            let waitMs = Int32(min(1000, max(1, (deadline - now) / 1_000_000)))
            let ready = poll(&fds, nfds_t(fds.count), waitMs)
            if ready < 0 && errno == EINTR { continue }
            for p in fds where p.revents != 0 {
                let n = read(p.fd, &buffer, buffer.count)
                if n <= 0 {
                    open[p.fd] = false
                    continue
                }
                let chunk = buffer[0..<n]
                switch p.fd {
                case out.read:
                    stdoutBytes += n
                    if stdout.count < stdoutCap { stdout.append(contentsOf: chunk.prefix(stdoutCap - stdout.count)) }
                    if stdoutBytes > stdoutCap {
                        exceeded = true
                        killTree()
                    }
                case err.read:
                    stderr.append(contentsOf: chunk)
                    if stderr.count > stderrCap * 2 { stderr = stderr.suffix(stderrCap) }
                default:
                    results.append(contentsOf: chunk)
                    if results.count > resultsCap {
                        exceeded = true
                        killTree()
                    }
                }
            }
            if exceeded { break }
        }
        if timedOut || exceeded { killTree() }
        close(out.read)
        close(err.read)
        close(res.read)

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let wallMs = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        let exited = (status & 0x7f) == 0
        return Outcome(
            exitCode: exited ? (status >> 8) & 0xff : nil,
            signal: exited ? nil : status & 0x7f,
            stdout: stdout, stdoutBytes: stdoutBytes, stderrTail: stderr.suffix(stderrCap), results: results,
            timedOut: timedOut, outputExceeded: exceeded, wallMs: wallMs)
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    /// glibc ≥ 2.34 has it; Swift's Glibc module does not export it, so it is looked up by name.
    private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    static var canCloseDescriptors: Bool { closeFrom != nil }
}

/// A pipe whose ends sit above the descriptors the child uses (0–9) and close on exec, so
/// concurrent spawns never inherit each other's pipes (and the child closes the rest anyway).
struct Pipe {
    let read: Int32
    let write: Int32

    static func make() throws -> Pipe {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SandboxFailure("pipe: \(String(cString: strerror(errno)))") }
        let high = fds.map { fd -> Int32 in
            let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            Glibc.close(fd)
            return moved
        }
        guard high.allSatisfy({ $0 >= 0 }) else {
            high.filter { $0 >= 0 }.forEach { Glibc.close($0) }
            throw SandboxFailure("out of file descriptors")
        }
        return Pipe(read: high[0], write: high[1])
    }

    func close() {
        Glibc.close(read)
        Glibc.close(write)
    }
}

/// The sandbox itself failed (not the candidate's code): reported as `internal_error`.
struct SandboxFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
