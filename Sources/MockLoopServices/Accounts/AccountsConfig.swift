import Foundation
import MockLoopCore
import MockLoopStore

/// How an instance with accounts behaves (`--accounts` or MOCKLOOP_ACCOUNTS=on, and the
/// MOCKLOOP_SIGNUP, MOCKLOOP_BCRYPT_COST, MOCKLOOP_SIGNIN_* variables). Solo use has none.
public struct AccountsConfig: Sendable {
    public var signUp: SignUpPolicy
    /// Bcrypt's cost: 12 takes about 300 ms per hash on a small server.
    public var bcryptCost: Int
    public var throttle: SignInThrottle.Limits
    public var lifetime: SignInRepository.Lifetime

    public init(
        signUp: SignUpPolicy = .open, bcryptCost: Int = 12, throttle: SignInThrottle.Limits = .init(),
        lifetime: SignInRepository.Lifetime = .init(idle: 14 * 86400, absolute: 30 * 86400)
    ) {
        self.signUp = signUp
        self.bcryptCost = bcryptCost
        self.throttle = throttle
        self.lifetime = lifetime
    }

    /// nil when accounts are off (solo). A value that is set but wrong names its variable.
    static func resolve(flag: Bool, _ value: (String) -> String?) throws -> AccountsConfig? {
        var on = flag
        if let raw = value("MOCKLOOP_ACCOUNTS") {
            switch raw.lowercased() {
            case "on", "true", "1", "yes": on = true
            case "off", "false", "0", "no": break
            default: throw MockLoopError.invalid("MOCKLOOP_ACCOUNTS", "must be on or off (got '\(raw)')")
            }
        }
        guard on else { return nil }
        var config = AccountsConfig()
        if let raw = value("MOCKLOOP_SIGNUP") {
            guard let policy = SignUpPolicy(rawValue: raw.lowercased()) else {
                throw MockLoopError.invalid("MOCKLOOP_SIGNUP", "must be open, invite or closed (got '\(raw)')")
            }
            config.signUp = policy
        }
        func number(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let raw = value(name) else { return nil }
            guard let n = Int(raw), range.contains(n) else {
                throw MockLoopError.invalid(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound) (got '\(raw)')")
            }
            return n
        }
        config.bcryptCost = try number("MOCKLOOP_BCRYPT_COST", 4...16) ?? config.bcryptCost
        config.throttle.failures = try number("MOCKLOOP_SIGNIN_LIMIT", 1...1000) ?? config.throttle.failures
        config.throttle.window = try number("MOCKLOOP_SIGNIN_WINDOW_MINUTES", 1...1440).map { Double($0) * 60 } ?? config.throttle.window
        config.lifetime.idle = try number("MOCKLOOP_SIGNIN_IDLE_DAYS", 1...365).map { Double($0) * 86400 } ?? config.lifetime.idle
        config.lifetime.absolute =
            try number("MOCKLOOP_SIGNIN_MAX_DAYS", 1...365).map { Double($0) * 86400 } ?? config.lifetime.absolute
        return config
    }
}
