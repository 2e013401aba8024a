import Foundation
import MockLoopCore

/// Where mail goes, from `MOCKLOOP_SMTP_URL`:
/// `smtp://user:password@smtp.example.org:587?from=mocks@example.org` (STARTTLS whenever the
/// server offers it; `starttls=required` refuses to send without it), `smtps://…:465` (TLS from
/// the first byte), `ca=/path/ca.pem` to trust a private certificate authority, and the outbox's
/// pace: `retry=60` (seconds before the first retry, doubling each time), `attempts=6` (then the
/// mail is marked failed), `lease=120` (seconds a claimed mail is left to its sender before
/// another instance may take it again).
public struct MailConfig: Sendable, Equatable {
    public enum Security: String, Sendable {
        /// STARTTLS when offered (credentials are then sent only over TLS or to this machine).
        case startTLSIfOffered
        case startTLSRequired
        /// TLS from the first byte (smtps).
        case tls
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var security: Security
    public var caFile: String?
    public var from: String
    public var fromName = "MockLoop"
    public var retrySeconds: Double = 60
    public var attempts = 6
    public var leaseSeconds: Double = 120

    public init(host: String, port: Int, security: Security, from: String) {
        self.host = host
        self.port = port
        self.security = security
        self.from = from
    }

    /// Reads the URL; a problem names the part that is wrong (never the password).
    public static func parse(_ text: String, defaultFrom: String) throws -> MailConfig {
        func bad(_ why: String) -> MockLoopError { MockLoopError.invalid("MOCKLOOP_SMTP_URL", why) }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased() else {
            throw bad("is not a URL like smtp://user:password@smtp.example.org:587")
        }
        guard scheme == "smtp" || scheme == "smtps" else { throw bad("must start with smtp:// or smtps:// (got \(scheme)://)") }
        guard let host = url.host, !host.isEmpty else { throw bad("names no host") }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        var security: Security = scheme == "smtps" ? .tls : .startTLSIfOffered
        switch query["starttls"]?.lowercased() {
        case nil, "", "auto": break
        case "required": if scheme == "smtp" { security = .startTLSRequired }
        case let other?: throw bad("starttls must be auto or required (got '\(other)')")
        }
        var config = MailConfig(
            host: host, port: url.port ?? (scheme == "smtps" ? 465 : 25), security: security, from: query["from"] ?? defaultFrom)
        guard config.from.contains("@"), !config.from.contains(where: { $0 == "<" || $0 == ">" || $0.isNewline || $0 == " " }) else {
            throw bad("from must be an address like mocks@example.org")
        }
        // URLComponents hands back user and password already percent-decoded.
        config.username = url.user.flatMap { $0.isEmpty ? nil : $0 }
        config.password = url.password
        if let ca = query["ca"], !ca.isEmpty {
            guard FileManager.default.isReadableFile(atPath: ca) else { throw bad("ca names a file that cannot be read") }
            config.caFile = ca
        }
        if let name = query["name"], !name.isEmpty { config.fromName = name }
        func number(_ key: String, _ range: ClosedRange<Double>) throws -> Double? {
            guard let raw = query[key] else { return nil }
            guard let n = Double(raw), range.contains(n) else {
                throw bad("\(key) must be a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)) (got '\(raw)')")
            }
            return n
        }
        config.retrySeconds = try number("retry", 0.1...86_400) ?? config.retrySeconds
        config.attempts = Int(try number("attempts", 1...50) ?? Double(config.attempts))
        config.leaseSeconds = try number("lease", 1...3600) ?? config.leaseSeconds
        return config
    }

    /// This machine: credentials may travel without TLS only here.
    public var isLoopback: Bool { ["localhost", "127.0.0.1", "::1"].contains(host.lowercased()) }

    /// How long after its `attempt`-th failure a mail is tried again: doubling, at most 6 hours.
    public func backoff(after attempt: Int) -> TimeInterval {
        min(retrySeconds * pow(2, Double(max(0, attempt - 1))), 6 * 3600)
    }
}
