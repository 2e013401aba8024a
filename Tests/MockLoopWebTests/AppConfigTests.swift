import Foundation
import MockLoopCore
import MockLoopServices
import Testing

/// Configuration is read once, and a value that is set but wrong stops start-up with the name
/// of its variable instead of falling back to a default.
@Suite struct AppConfigTests {
    static let base = ["HOME": "/tmp/mockloop-home"]

    @Test(arguments: [
        ("MOCKLOOP_PUBLIC_URL", "mocks.example.org"),
        ("MOCKLOOP_PUBLIC_URL", "ftp://mocks.example.org"),
        ("MOCKLOOP_ALLOWED_HOSTS", "good.lan, bad/host"),
        ("MOCKLOOP_RUNNER_SLOTS", "two"),
        ("MOCKLOOP_RUNNER_SLOTS", "0"),
        ("MOCKLOOP_RUNNER_UID_BASE", "-1"),
        ("MOCKLOOP_SANDBOX_MODE", "none"),
        ("MOCKLOOP_LLM_TIMEOUT", "soon"),
        ("MOCKLOOP_ANALYSIS_THRESHOLDS", "/nonexistent/thresholds.json"),
        ("MOCKLOOP_ACCOUNTS", "maybe"),
    ])
    func aWrongValueNamesItsVariable(name: String, value: String) throws {
        var env = Self.base
        env[name] = value
        #expect {
            try AppConfig.resolve(dataDir: nil, environment: env)
        } throws: { error in
            "\(error)".contains(name) || ((error as? MockLoopError)?.fields.keys.contains(name) ?? false)
                || (error as? LocalizedError)?.errorDescription?.contains("nonexistent") == true
        }
    }

    @Test func theAllowedHostsAreLoopbackTheListenerThePublicURLAndTheExtraOnes() throws {
        var env = Self.base
        env["MOCKLOOP_PUBLIC_URL"] = "https://Mocks.Example.org/base"
        env["MOCKLOOP_ALLOWED_HOSTS"] = "Mocks.LAN, 192.168.1.20"
        env["MOCKLOOP_ACCOUNTS"] = "on"
        let config = try AppConfig.resolve(dataDir: "/tmp/mockloop-x", hostname: "0.0.0.0", environment: env)
        #expect(config.allowedHosts == ["localhost", "127.0.0.1", "::1", "mocks.example.org", "mocks.lan", "192.168.1.20"])
        #expect(!config.allowedHosts.contains("0.0.0.0"), "a wildcard listener is no host name")
        let named = try AppConfig.resolve(dataDir: nil, hostname: "box.lan", accounts: true, environment: Self.base)
        #expect(named.allowedHosts.contains("box.lan"))
        #expect(named.store.dataDirectory.path == "/tmp/mockloop-home/.mockloop")
    }

    @Test func aNetworkAddressWithoutAccountsIsRefusedSayingWhatToSet() throws {
        for host in ["0.0.0.0", "::", "192.168.1.20", "box.lan"] {
            #expect {
                try AppConfig.resolve(dataDir: nil, hostname: host, environment: Self.base)
            } throws: { error in
                let text = "\(error)"
                return text.contains("--accounts") && text.contains("MOCKLOOP_ACCOUNTS=on") && text.contains("127.0.0.1")
            }
            #expect(try AppConfig.resolve(dataDir: nil, hostname: host, accounts: true, environment: Self.base).accounts != nil)
        }
        for host in ["127.0.0.1", "localhost", "::1", "[::1]"] {
            #expect(try AppConfig.resolve(dataDir: nil, hostname: host, environment: Self.base).accounts == nil, "\(host) is solo")
        }
    }

    @Test func accountSettingsAreReadFromTheEnvironment() throws {
        var env = Self.base
        env["MOCKLOOP_ACCOUNTS"] = "on"
        env["MOCKLOOP_SIGNUP"] = "Invite"
        env["MOCKLOOP_BCRYPT_COST"] = "10"
        env["MOCKLOOP_SIGNIN_LIMIT"] = "3"
        env["MOCKLOOP_SIGNIN_WINDOW_MINUTES"] = "5"
        let accounts = try #require(try AppConfig.resolve(dataDir: nil, environment: env).accounts)
        #expect(accounts.signUp == .invite && accounts.bcryptCost == 10)
        #expect(accounts.throttle.failures == 3 && accounts.throttle.window == 300)
        for (name, bad) in [("MOCKLOOP_SIGNUP", "everyone"), ("MOCKLOOP_BCRYPT_COST", "40"), ("MOCKLOOP_SIGNIN_LIMIT", "none")] {
            var wrong = env
            wrong[name] = bad
            #expect { try AppConfig.resolve(dataDir: nil, environment: wrong) } throws: { "\($0)".contains(name) }
        }
    }
}
