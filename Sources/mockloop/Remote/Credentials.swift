import Foundation
import MockLoopCore

/// The server `mockloop login` signed in to and the personal access token for it, kept in
/// `~/.mockloop/credentials`, readable by its owner only (0600, in a 0700 directory). The
/// token is never taken from the command line, where other users and the shell history see it.
struct Credentials: Codable, Equatable {
    /// The server's base URL, without a trailing slash.
    var url: String
    var token: String

    static var file: URL {
        let home =
            ProcessInfo.processInfo.environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".mockloop").appendingPathComponent("credentials")
    }

    /// The saved credentials, or nil when no one is logged in.
    static func load() throws -> Credentials? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        if let mode = attributes?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw MockLoopError.invalid(
                "credentials", "\(file.path) can be read by others (mode \(String(mode, radix: 8))): run chmod 600 \(file.path)")
        }
        do { return try JSONDecoder().decode(Credentials.self, from: data) } catch {
            throw MockLoopError.invalid("credentials", "\(file.path) is damaged: run mockloop logout, then mockloop login again")
        }
    }

    func save() throws {
        let fm = FileManager.default
        let dir = Self.file.deletingLastPathComponent()
        try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let data = try JSONEncoder().encode(self)
        // Created 0600 before the token is written, so it is never readable by others.
        _ = fm.createFile(atPath: Self.file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: Self.file.path)
        let handle = try FileHandle(forWritingTo: Self.file)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: data)
        try handle.close()
    }

    /// Forgets the server; true when there was one.
    static func remove() throws -> Bool {
        guard FileManager.default.fileExists(atPath: file.path) else { return false }
        try FileManager.default.removeItem(at: file)
        return true
    }

    /// A server address as typed (`mocks.example.org`, `https://mocks.example.org/`) made a
    /// base URL; plain http only to this machine, since the token travels with every request.
    static func serverURL(_ raw: String) throws -> String {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if !text.contains("://") { text = "https://" + text }
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), let scheme = url.scheme, let host = url.host, !host.isEmpty,
            url.path.isEmpty || url.path == "/", url.query == nil
        else { throw MockLoopError.invalid("URL", "'\(raw)' is not a server address (like https://mocks.example.org)") }
        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw MockLoopError.invalid(
                "URL", "use https:// for \(host): the token would travel in the clear (http is allowed for this machine only)")
        }
        return text
    }
}
