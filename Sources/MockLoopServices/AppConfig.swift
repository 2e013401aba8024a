import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopRunner
import MockLoopStore

/// Everything the app is configured by, read once from flags and the environment and passed
/// down; nothing deeper reads the environment. A value that is set but wrong is an error naming
/// its variable, never a silent default.
public struct AppConfig: Sendable {
    public var hostname: String
    public var port: Int
    public var store: StoreConfig
    /// The transcript analysis thresholds (defaults, or MOCKLOOP_ANALYSIS_THRESHOLDS's file).
    public var thresholds: AnalysisThresholds
    /// The code runner's work directory, slots and uids (MOCKLOOP_RUNNER_* variables).
    public var runner: CodeRunner.Configuration
    /// The optional interviewer model (MOCKLOOP_LLM_URL + MOCKLOOP_LLM_MODEL); nil: built-in wording.
    public var llm: LLMConfig?
    /// The address users reach the app at (MOCKLOOP_PUBLIC_URL), e.g. behind a reverse proxy;
    /// links that leave the app are built from it.
    public var publicURL: URL?
    /// Host names served besides loopback, `--hostname` and the public URL's (MOCKLOOP_ALLOWED_HOSTS).
    public var extraHosts: [String]
    /// The key form tokens are signed with (MOCKLOOP_SECRET; else kept in the data directory).
    public var secret: String?
    /// Accounts, sign-in and sharing; nil in solo use (one local owner, no sign-in).
    public var accounts: AccountsConfig?
    /// Live rooms: how long an ended one is kept, and the ICE servers for voice and video.
    public var rooms: RoomsConfig
    /// The system clock, except in tests.
    public var clock: ServerClock = .system
    /// Where mail goes (MOCKLOOP_SMTP_URL); without it no mail is queued or sent.
    public var mail: MailConfig?

    /// The site's address for links in mails: the public URL, else where this server listens.
    public var siteBase: String {
        publicURL?.absoluteString ?? "http://\(hostname.contains(":") ? "[\(hostname)]" : hostname):\(port)"
    }

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, store: StoreConfig, thresholds: AnalysisThresholds = AnalysisThresholds(),
        runner: CodeRunner.Configuration = .init(), llm: LLMConfig? = nil, publicURL: URL? = nil, extraHosts: [String] = [],
        secret: String? = nil, accounts: AccountsConfig? = nil, rooms: RoomsConfig = RoomsConfig()
    ) {
        self.hostname = hostname
        self.port = port
        self.store = store
        self.thresholds = thresholds
        self.runner = runner
        self.llm = llm
        self.publicURL = publicURL
        self.extraHosts = extraHosts
        self.secret = secret
        self.accounts = accounts
        self.rooms = rooms
    }

    /// Flags win over the environment; the default data directory is ~/.mockloop.
    public static func resolve(
        dataDir: String?, hostname: String? = nil, port: Int? = nil, thresholdsFile: String? = nil, accounts: Bool = false,
        environment env: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppConfig {
        func value(_ name: String) -> String? { env[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        let dir = dataDir ?? value("MOCKLOOP_DATA_DIR")
        let home = value("HOME") ?? NSHomeDirectory()
        let dataURL =
            dir.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
            ?? URL(fileURLWithPath: home).appendingPathComponent(".mockloop")
        let thresholds = try (thresholdsFile ?? value("MOCKLOOP_ANALYSIS_THRESHOLDS")).map(AnalysisThresholds.load) ?? AnalysisThresholds()
        var publicURL: URL?
        if let raw = value("MOCKLOOP_PUBLIC_URL") {
            guard let url = URL(string: raw), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false
            else {
                throw MockLoopError.invalid(
                    "MOCKLOOP_PUBLIC_URL", "must be an http(s) URL such as https://mocks.example.org (got '\(raw)')")
            }
            publicURL = url
        }
        if let raw = value("MOCKLOOP_LLM_TIMEOUT"), Double(raw).map({ $0 > 0 && $0.isFinite }) != true {
            throw MockLoopError.invalid("MOCKLOOP_LLM_TIMEOUT", "must be a number of seconds (got '\(raw)')")
        }
        let extraHosts = try (value("MOCKLOOP_ALLOWED_HOSTS") ?? "").split(separator: ",").map {
            let host = $0.trimmingCharacters(in: .whitespaces).lowercased()
            guard !host.isEmpty, !host.contains("/"), !host.contains(" ") else {
                throw MockLoopError.invalid("MOCKLOOP_ALLOWED_HOSTS", "must be host names separated by commas (got '\($0)')")
            }
            return host
        }
        var config = AppConfig(
            hostname: hostname ?? "127.0.0.1", port: port ?? 8080,
            store: StoreConfig(dataDirectory: dataURL, databaseURL: value("DATABASE_URL")), thresholds: thresholds,
            runner: try runnerConfiguration(env), llm: LLMConfig.fromEnvironment(env), publicURL: publicURL,
            extraHosts: extraHosts, secret: value("MOCKLOOP_SECRET"), accounts: try AccountsConfig.resolve(flag: accounts, value),
            rooms: try RoomsConfig.resolve(value))
        if let raw = value("MOCKLOOP_SMTP_URL") {
            config.mail = try MailConfig.parse(raw, defaultFrom: "mockloop@\(publicURL?.host ?? "localhost")")
        }
        if config.accounts == nil, !config.listensOnLoopbackOnly {
            throw MockLoopError.invalid(
                "--hostname",
                "\(config.hostname) lets others on the network reach this server, and without accounts anyone who can reach it "
                    + "reads and changes your data. Start it with --accounts (or MOCKLOOP_ACCOUNTS=on), or listen on 127.0.0.1.")
        }
        return config
    }

    /// True when only this machine can connect (a loopback address or localhost).
    public var listensOnLoopbackOnly: Bool {
        let host = hostname.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    static func runnerConfiguration(_ env: [String: String]) throws -> CodeRunner.Configuration {
        var config = CodeRunner.Configuration.fromEnvironment([:])
        if let dir = env["MOCKLOOP_RUNNER_DIR"], !dir.isEmpty { config.workDirectory = dir }
        if let raw = env["MOCKLOOP_RUNNER_SLOTS"], !raw.isEmpty {
            guard let slots = Int(raw), (1...64).contains(slots) else {
                throw MockLoopError.invalid("MOCKLOOP_RUNNER_SLOTS", "must be a whole number from 1 to 64 (got '\(raw)')")
            }
            config.slots = slots
        }
        if let raw = env["MOCKLOOP_RUNNER_UID_BASE"], !raw.isEmpty {
            guard let base = UInt32(raw), base >= 1000 else {
                throw MockLoopError.invalid("MOCKLOOP_RUNNER_UID_BASE", "must be a uid of 1000 or more (got '\(raw)')")
            }
            config.uidBase = base
        }
        if let raw = env["MOCKLOOP_SANDBOX_MODE"], !raw.isEmpty {
            guard ["user-namespaces", "privileged"].contains(raw) else {
                throw MockLoopError.invalid("MOCKLOOP_SANDBOX_MODE", "must be user-namespaces or privileged (got '\(raw)')")
            }
            config.forcedMode = raw
        }
        return config
    }

    /// The host names this instance answers to: loopback, the listening address (unless it is a
    /// wildcard), the public URL's host and the extra ones. Lower case, without ports.
    public var allowedHosts: Set<String> {
        var hosts: Set<String> = ["localhost", "127.0.0.1", "::1"]
        let listening = hostname.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if !["0.0.0.0", "::", ""].contains(listening) { hosts.insert(listening) }
        if let host = publicURL?.host?.lowercased() { hosts.insert(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) }
        hosts.formUnion(extraHosts.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) })
        return hosts
    }
}
