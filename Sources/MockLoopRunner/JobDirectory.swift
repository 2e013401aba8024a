import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One submission's directory: `src/` (the code), `cases.json` (inputs only) and `out/`
/// (where a compiler writes, owned by the slot's uid). Read-only to the program that runs.
struct JobDirectory {
    let path: String

    static func create(in workDirectory: String, uid: UInt32?) throws -> JobDirectory {
        var template = Array((workDirectory + "/job-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw SandboxFailure("mkdtemp: \(String(cString: strerror(errno)))") }
        let job = JobDirectory(path: String(cString: made))
        chmod(job.path, 0o755)
        for (name, mode) in [("src", mode_t(0o755)), ("out", mode_t(0o700))] {
            guard mkdir(job.path + "/" + name, mode) == 0 else {
                throw SandboxFailure("mkdir \(name): \(String(cString: strerror(errno)))")
            }
        }
        if let uid { lchown(job.path + "/out", uid, uid) }
        return job
    }

    func write(_ text: String, to name: String) throws { try write(Data(text.utf8), to: name) }

    func write(_ data: Data, to name: String) throws {
        let file = path + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        chmod(file, 0o644)
    }

    /// Removes the directory without following anything the sandbox may have left in `out/`.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
