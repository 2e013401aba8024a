import Fluent
import Foundation
import MockLoopCore

/// A user's share links: made for one rubric or session, opened by anyone holding the token
/// until it expires or is revoked, each opening recorded for the owner to see.
public struct ShareLinkRepository {
    public enum Kind: String, Sendable, CaseIterable {
        case rubric
        case partnerKit = "partner_kit"
        case scorecard
    }

    public static let prefix = "mls_"
    /// From one hour to thirty days.
    public static let lifetimes: ClosedRange<TimeInterval> = 3600...(30 * 86400)

    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// A new link; the token is returned once and only its hash kept. The subject must be the
    /// user's own (or a rubric they see): another user's is "not found".
    public func create(
        _ kind: Kind, subject: String, lifetime: TimeInterval, now: Date = Date()
    ) async throws -> (
        token: String, link: ShareLinkModel
    ) {
        guard Self.lifetimes.contains(lifetime) else {
            throw MockLoopError.invalid("expires", "must be from 1 hour to 30 days")
        }
        switch kind {
        case .rubric: _ = try await RubricRepository(db: db, userID: userID).find(subject)
        case .partnerKit, .scorecard:
            guard let id = UUID(uuidString: subject) else { throw MockLoopError.notFound("session") }
            let entry = try await SessionRepository(db: db, userID: userID).find(id)
            if kind == .scorecard, entry.status != .completed {
                throw MockLoopError(.conflict, "A scorecard shares a finished session: score this one first.")
            }
        }
        let token = SecretToken.make(prefix: Self.prefix)
        let m = ShareLinkModel()
        m.userID = userID
        m.tokenHash = SecretToken.hash(token)
        m.kind = kind.rawValue
        m.subject = subject
        m.createdAt = now
        m.expiresAt = now.addingTimeInterval(lifetime)
        try await m.create(on: db)
        return (token, m)
    }

    /// The user's links, newest first, each with its openings (newest first).
    public func list() async throws -> [(link: ShareLinkModel, openings: [ShareOpeningModel])] {
        let links = try await ShareLinkModel.query(on: db).filter(\.$userID == userID).sort(\.$createdAt, .descending).all()
        let ids = links.compactMap(\.id)
        let openings = ids.isEmpty ? [] : try await ShareOpeningModel.query(on: db).filter(\.$linkID ~~ ids).sort(\.$at, .descending).all()
        let byLink = Dictionary(grouping: openings, by: \.linkID)
        return links.map { ($0, byLink[$0.id!] ?? []) }
    }

    public func revoke(_ id: UUID) async throws {
        guard let m = try await ShareLinkModel.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first() else {
            throw MockLoopError.notFound("share link")
        }
        try await db.transaction { db in
            try await ShareOpeningModel.query(on: db).filter(\.$linkID == id).delete()
            try await m.delete(on: db)
        }
    }

    /// The link a token opens, or nil when it is unknown, expired or revoked. Not scoped to a
    /// user: the token is the permission.
    public static func open(_ token: String, db: Database, now: Date = Date()) async throws -> ShareLinkModel? {
        guard token.hasPrefix(prefix),
            let m = try await ShareLinkModel.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).first(),
            m.expiresAt > now
        else { return nil }
        return m
    }

    /// Records one opening of a link.
    public static func recordOpening(_ link: ShareLinkModel, viewer: UUID?, db: Database, now: Date = Date()) async throws {
        let o = ShareOpeningModel()
        o.linkID = try link.requireID()
        o.at = now
        o.viewerID = viewer
        try await o.create(on: db)
    }
}
