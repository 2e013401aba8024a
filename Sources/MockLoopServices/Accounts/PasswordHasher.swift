import Foundation
import MockLoopStore
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// Bcrypt on a thread pool of its own: a sign-in costs ~300 ms of CPU at cost 12, and doing it on
/// the app's event loops or its blocking pool would stall every other request (SQLite's queries
/// run on that pool). Counts its checks, so a test can see an unknown email still costs one.
public final class PasswordHasher: Sendable {
    public let cost: Int
    let pool: NIOThreadPool
    let checks = NIOLockedValueBox(0)
    /// A hash of nothing anyone types, made once, checked against when an email is unknown.
    let decoy = NIOLockedValueBox<String?>(nil)

    public init(cost: Int, threads: Int = 2) {
        self.cost = cost
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await pool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        checks.withLockedValue { $0 += 1 }
        return try await pool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    /// Spends one check's time when there is no account to check against, so the answer's
    /// timing does not tell whether the email has an account.
    public func verifyDecoy(_ password: String) async throws {
        let existing = decoy.withLockedValue { $0 }
        let hash: String
        if let existing {
            hash = existing
        } else {
            hash = try await self.hash(SecretToken.make())
            decoy.withLockedValue { $0 = hash }
        }
        _ = try await verify(password, against: hash)
    }

    /// Password checks run so far (tests read it).
    public var checkCount: Int { checks.withLockedValue { $0 } }

    public func shutdown() async throws { try await pool.shutdownGracefully() }
}
