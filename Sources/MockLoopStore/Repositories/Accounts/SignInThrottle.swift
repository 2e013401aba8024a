import Fluent
import Foundation
import MockLoopCore

/// Failed sign-ins per account and per address within a window; at the limit, further tries
/// wait. The state is in the database, so every instance of the app counts the same failures.
public struct SignInThrottle {
    public struct Limits: Sendable {
        public var failures: Int
        public var window: TimeInterval

        public init(failures: Int = 5, window: TimeInterval = 15 * 60) {
            self.failures = failures
            self.window = window
        }
    }

    let db: Database
    let limits: Limits

    public init(db: Database, limits: Limits) {
        self.db = db
        self.limits = limits
    }

    public static func accountKey(_ email: String) -> String { "account:" + SecretToken.hash(email) }
    public static func addressKey(_ address: String) -> String { "address:" + address }

    /// Seconds to wait before another try under any of `keys`, or nil when none is at its limit.
    public func retryAfter(_ keys: [String], now: Date = Date()) async throws -> Int? {
        let since = now.addingTimeInterval(-limits.window)
        var wait: TimeInterval = 0
        for key in keys {
            let recent = try await SignInFailureModel.query(on: db).filter(\.$key == key).filter(\.$at > since)
                .sort(\.$at, .descending).limit(limits.failures).all()
            // At the limit: free again when the oldest of the last `failures` failures leaves the window.
            if recent.count >= limits.failures, let oldest = recent.last {
                wait = max(wait, oldest.at.addingTimeInterval(limits.window).timeIntervalSince(now))
            }
        }
        return wait > 0 ? Int(wait.rounded(.up)) : nil
    }

    public func recordFailure(_ keys: [String], now: Date = Date()) async throws {
        try await db.transaction { db in
            try await SignInFailureModel.query(on: db).filter(\.$at <= now.addingTimeInterval(-limits.window)).delete()
            for key in keys { try await SignInFailureModel(key: key, at: now).create(on: db) }
        }
    }

    /// Forgets an account's failures once its password was given right.
    public func clear(_ key: String) async throws {
        try await SignInFailureModel.query(on: db).filter(\.$key == key).delete()
    }
}
