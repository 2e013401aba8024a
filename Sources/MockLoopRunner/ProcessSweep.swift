import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Makes sure a slot starts empty. bwrap's PID namespace dies with each submission, but its
/// helper processes are orphaned when the outer bwrap exits; without a reaper they stay as
/// zombies (a container's init may never reap them) and count against the slot's process
/// limit. So the process hosting the runner becomes a child subreaper, and after every
/// submission kills whatever still runs under the slot's uid and reaps what was orphaned to it.
enum ProcessSweep {
    private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    // swift-format-ignore: AlwaysUseLowerCamelCase
    private static let PR_SET_CHILD_SUBREAPER: Int32 = 36

    /// Once per process. prctl is variadic in C, which Swift cannot call; it is looked up by name.
    static let becomeSubreaper: Bool = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return false }
        return unsafeBitCast(symbol, to: Prctl.self)(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    }()

    /// Processes (zombies included) whose real uid is `uid`.
    static func living(uid: UInt32) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name) else { return nil }
            var info = stat()
            return stat("/proc/" + name, &info) == 0 && info.st_uid == uid ? pid : nil
        }
    }

    /// Kills every process of `uid` and reaps those that are this process's children.
    @discardableResult
    static func killAll(uid: UInt32) -> Int {
        var killed = 0
        let me = getpid()
        for _ in 0..<50 {
            let pids = living(uid: uid)
            if pids.isEmpty { break }
            for pid in pids {
                if kill(pid, SIGKILL) == 0 { killed += 1 }
                if parent(of: pid) == me {
                    var status: Int32 = 0
                    _ = waitpid(pid, &status, 0)
                }
            }
        }
        return killed
    }

    /// Reaps bwrap helpers orphaned to this process (a subreaper), whatever their uid: in
    /// privileged mode bwrap's namespace init runs as root, and without root there is no sweep.
    static func reapOrphans() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        let me = getpid()
        for name in entries {
            guard let pid = pid_t(name), let (comm, state, ppid) = procStat(of: pid), ppid == me, state == "Z", comm == "bwrap" else {
                continue
            }
            var status: Int32 = 0
            _ = waitpid(pid, &status, WNOHANG)
        }
    }

    private static func procStat(of pid: pid_t) -> (comm: String, state: Character, ppid: pid_t)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let state = fields[0].first, let ppid = pid_t(fields[1]) else { return nil }
        return (String(text[text.index(after: open)..<close]), state, ppid)
    }

    private static func parent(of pid: pid_t) -> pid_t? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // Fields after "(comm)": state, ppid, …
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }
}
