import Fluent
import Foundation
import MockLoopCore
import NIOConcurrencyHelpers
import SQLKit

/// The matching cards of every visible, enabled profile, parsed once and kept until something
/// ranking reads changes. Every such change raises the one version number in `partner_versions`
/// in its own transaction, so an instance (each keeps its own copy) reads the version, a single
/// row, and reloads only when it moved: a ranking then parses nothing.
public final class PartnerCards: Sendable {
    public struct Snapshot: Sendable {
        public let version: Int
        public let cards: [(userID: UUID, card: MatchCard)]
    }

    private let kept = NIOLockedValueBox<Snapshot?>(nil)

    public init() {}

    /// The cards as of now: the kept ones when the version has not moved.
    public func current(_ db: Database) async throws -> Snapshot {
        let version = try await Self.version(db)
        if let snapshot = kept.withLockedValue({ $0 }), snapshot.version == version { return snapshot }
        let sql = db as! SQLDatabase
        var cards: [(UUID, MatchCard)] = []
        for row in try await sql.select().column(SQLColumn("user_id", table: "p")).column(SQLColumn("card", table: "p"))
            .from(SQLAlias(SQLIdentifier(PartnerProfileModel.schema), as: SQLIdentifier("p")))
            .join(
                SQLAlias(SQLIdentifier(UserModel.schema), as: SQLIdentifier("u")), on: SQLColumn("id", table: "u"), .equal,
                SQLColumn("user_id", table: "p")
            )
            .where(SQLColumn("visible", table: "p"), .equal, SQLBind(true)).where(SQLColumn("disabled", table: "u"), .equal, SQLBind(false))
            .all()
        {
            if let card = MatchCard(text: try row.decode(column: "card", as: String.self)) {
                cards.append((try row.decode(column: "user_id", as: UUID.self), card))
            }
        }
        let snapshot = Snapshot(version: version, cards: cards)
        kept.withLockedValue { $0 = snapshot }
        return snapshot
    }

    static func version(_ db: Database) async throws -> Int {
        try await (db as! SQLDatabase).select().column("version").from("partner_versions").where("id", .equal, 1).first()?
            .decode(column: "version", as: Int.self) ?? 0
    }

    /// Raises the version: call inside the transaction that changes a card, a profile's
    /// visibility, or whether its account is enabled.
    public static func changed(_ db: Database) async throws {
        try await (db as! SQLDatabase).update("partner_versions").set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
            .where("id", .equal, 1).run()
    }
}
