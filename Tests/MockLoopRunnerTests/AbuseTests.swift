import Foundation
import MockLoopCore
import Testing

@testable import MockLoopRunner

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile submissions. Each must end with the right verdict within the wall limit + 1 s
/// and leave no process running under any slot's uid.
extension RunnerSuite {
    @Suite struct AbuseTests {
        typealias F = RunnerFixture
        static let limits = F.tight

        /// One function-mode case calling `probe()`; the verdict depends on what it returns.
        static func probe(expecting expected: JSONValue) -> CodeTests {
            CodeTests(mode: .function, entryPoint: "probe", compare: .exact, cases: [TestCase(args: .array([]), expected: expected)])
        }

        func contained(_ code: String, _ language: Language = .python, _ tests: CodeTests) async throws -> RunReport {
            await F.runner.warmUp()
            let clock = ContinuousClock()
            var report: RunReport?
            let took = try await clock.measure { report = try await F.run(code, language, tests, limits: Self.limits) }
            let ms = Double(took.components.seconds) * 1000 + Double(took.components.attoseconds) / 1e15
            let running = ms - (report?.compileMs ?? 0)
            #expect(running <= Self.limits.wallSeconds * 1000 + 1000, "ran for \(running) ms")
            #expect(F.leftovers().isEmpty, "processes left under a slot uid: \(F.leftovers())")
            return report!
        }

        @Test func forkBomb() async throws {
            let code =
                "import os\ndef probe():\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass\n"
            let r = try await contained(code, .python, Self.probe(expecting: .int(0)))
            #expect(r.verdict == .timeLimit)
        }

        @Test func forkBombInCpp() async throws {
            let r = try await contained("#include <unistd.h>\nint main(){ for(;;) fork(); }\n", .cpp, F.addStdio)
            #expect(r.verdict == .timeLimit || r.verdict == .runtimeError)
            #expect(r.verdict != .accepted)
        }

        @Test func infiniteLoop() async throws {
            let r = try await contained("def probe():\n    while True:\n        pass\n", .python, Self.probe(expecting: .int(0)))
            #expect(r.verdict == .timeLimit)
        }

        @Test func sleepingForever() async throws {
            let r = try await contained("import time\ndef probe():\n    time.sleep(10 ** 6)\n", .python, Self.probe(expecting: .int(0)))
            #expect(r.verdict == .timeLimit)
            #expect(r.message?.contains("wall-clock") == true)
        }

        @Test func twoGiBAllocation() async throws {
            let r = try await contained(
                "def probe():\n    block = bytearray(2 << 30)\n    return len(block)\n", .python, Self.probe(expecting: .int(0)))
            #expect(r.verdict == .memoryLimit)
        }

        @Test func oneGiBFileWrite() async throws {
            let code =
                "def probe():\n    with open('/tmp/big', 'wb') as f:\n        for _ in range(1024):\n            f.write(b'x' * (1 << 20))\n    return 0\n"
            let r = try await contained(code, .python, Self.probe(expecting: .int(0)))
            #expect(r.verdict == .outputLimit)
        }

        @Test func outputFlood() async throws {
            let r = try await contained(
                "def probe():\n    while True:\n        print('x' * 4096)\n", .python, Self.probe(expecting: .int(0)))
            #expect(r.verdict == .outputLimit)
            let c = try await contained(
                "#include <cstdio>\nint main(){ for(;;) std::puts(\"flood flood flood flood\"); }\n", .cpp, F.addStdio)
            #expect(c.verdict == .outputLimit)
        }

        @Test func daemonisingProcessDiesWithTheSubmission() async throws {
            let code = """
                import os, time
                def probe():
                    if os.fork() == 0:
                        os.setsid()
                        if os.fork() == 0:
                            while True:
                                time.sleep(1)
                        os._exit(0)
                    os.wait()
                    return 42
                """
            let r = try await contained(code, .python, Self.probe(expecting: .int(42)))
            #expect(r.verdict == .accepted)
        }

        @Test func ptraceAndNamespacesAreRefused() async throws {
            let code = """
                import ctypes
                def probe():
                    libc = ctypes.CDLL(None, use_errno=True)
                    results = []
                    for call in (lambda: libc.ptrace(0, 0, 0, 0), lambda: libc.unshare(0x10000000), lambda: libc.unshare(0x00020000)):
                        ctypes.set_errno(0)
                        rc = call()
                        results.append(ctypes.get_errno() if rc != 0 else 0)
                    return results
                """
            let r = try await contained(code, .python, Self.probe(expecting: .array([.int(1), .int(1), .int(1)])))
            #expect(r.verdict == .accepted, "\(r.firstFailure.map { "\($0.actual)" } ?? r.stderrTail ?? "")")
        }

        @Test func noNetworkNotEvenTheServersOwnPort() async throws {
            let listener = try LoopbackListener()
            defer { listener.close() }
            let code = """
                import socket
                def probe():
                    try:
                        socket.create_connection(("127.0.0.1", \(listener.port)), timeout=1).close()
                        return "connected"
                    except OSError:
                        return "blocked"
                """
            let r = try await contained(code, .python, Self.probe(expecting: .string("blocked")))
            #expect(r.verdict == .accepted)
            #expect(listener.acceptedAnyone() == false)
        }

        @Test func memoryOutsideTheLimitAndWritableMountsAreRefused() async throws {
            let code = """
                import os
                def probe():
                    out = []
                    try:
                        os.memfd_create("hoard")
                        out.append(0)
                    except OSError as e:
                        out.append(e.errno)
                    for path in ("/hoard", "/dev/hoard"):
                        try:
                            open(path, "w").write("x" * 4096)
                            out.append(0)
                        except OSError as e:
                            out.append(e.errno)
                    return out
                """
            let r = try await contained(
                code, .python, Self.probe(expecting: .array([.int(Int(EPERM)), .int(Int(EROFS)), .int(Int(EROFS))])))
            #expect(r.verdict == .accepted, "\(r.firstFailure.map { "\($0.actual)" } ?? r.stderrTail ?? "")")
        }

        @Test func vsockSocketsAreRefused() async throws {
            let code =
                "import socket\ndef probe():\n    try:\n        socket.socket(40, socket.SOCK_STREAM)\n        return 0\n    except OSError as e:\n        return e.errno\n"
            let r = try await contained(code, .python, Self.probe(expecting: .int(Int(EPERM))))
            #expect(r.verdict == .accepted, "\(r.firstFailure.map { "\($0.actual)" } ?? "")")
        }

        @Test func serverFilesDescriptorsAndEnvironmentAreOutOfReach() async throws {
            let secretPath = "/tmp/mockloop-abuse-\(getpid()).sqlite"
            try Data("SECRET-DB-CONTENT".utf8).write(to: URL(fileURLWithPath: secretPath))
            defer { unlink(secretPath) }
            // An open descriptor without close-on-exec, as a database connection might hold.
            let fd = open(secretPath, O_RDONLY)
            defer { close(fd) }
            setenv("MOCKLOOP_ABUSE_SECRET", "hunter2-secret", 1)
            let code = """
                import os
                def probe():
                    found = []
                    try:
                        found.append(open("\(secretPath)").read())
                    except OSError:
                        pass
                    for fd in range(4, 256):
                        try:
                            found.append(os.pread(fd, 64, 0).decode("utf-8", "replace"))
                        except OSError:
                            pass
                    for path in ("/proc/self/environ", "/proc/1/environ"):
                        try:
                            found.append(open(path, "rb").read().decode("utf-8", "replace"))
                        except OSError:
                            pass
                    found.extend(os.environ.values())
                    return any("SECRET" in text or "hunter2" in text for text in found)
                """
            let r = try await contained(code, .python, Self.probe(expecting: .bool(false)))
            #expect(r.verdict == .accepted)
        }
    }
}

/// A TCP listener on 127.0.0.1, standing in for the server's own port.
final class LoopbackListener {
    let fd: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound, listen(fd, 8) == 0 else { throw SandboxFailure("cannot listen on loopback") }
        port = UInt16(bigEndian: address.sin_port)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// Whether any connection is waiting (non-blocking accept).
    func acceptedAnyone() -> Bool {
        let client = accept(fd, nil, nil)
        if client >= 0 {
            Glibc.close(client)
            return true
        }
        return false
    }

    func close() { Glibc.close(fd) }
}
