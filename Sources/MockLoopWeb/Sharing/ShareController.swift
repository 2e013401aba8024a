import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Share links: the owner makes one for a rubric, a planned session (the partner kit) or a
/// finished one (the scorecard), sees every opening, and revokes it. Anyone holding the token
/// opens that one thing, without an account, until it expires; a wrong, expired or revoked token
/// is a 404 like any missing page.
struct ShareController {
    let services: AppServices

    /// Lifetimes offered, in seconds, with their words.
    static let lifetimes: [(String, TimeInterval)] = [
        ("1 hour", 3600), ("1 day", 86400), ("7 days", 7 * 86400), ("30 days", 30 * 86400),
    ]

    func repo(_ req: Request) throws -> ShareLinkRepository { ShareLinkRepository(db: req.db, userID: try req.actingUser()) }

    // MARK: The owner's side

    func sharesPage(req: Request) async throws -> View {
        try await render(req, newLink: nil, kind: nil)
    }

    func render(_ req: Request, newLink: String?, kind: ShareLinkRepository.Kind?) async throws -> View {
        let user = try req.actingUser()
        let now = Date()
        var rows: [SharesPage.Row] = []
        let links = try await repo(req).list()
        let viewers = try await viewerNames(req, Set(links.flatMap { $0.openings.compactMap(\.viewerID) }))
        for (link, openings) in links {
            rows.append(
                .init(
                    id: link.id!.uuidString, kind: Self.kindWords(link.kind), what: try await subject(req, link, user: user),
                    created: AccountSection.when(link.createdAt), expires: AccountSection.when(link.expiresAt),
                    expired: link.expiresAt <= now,
                    openings: openings.map {
                        AccountSection.when($0.at) + " · " + ($0.viewerID.flatMap { viewers[$0] } ?? "someone without an account")
                    }))
        }
        return try await req.view.render(
            "shares", SharesPage(rows: rows, newLink: newLink, newKind: kind.map { Self.kindWords($0.rawValue) }))
    }

    func shareRubric(req: Request) async throws -> Response {
        try await make(req, .rubric, subject: try req.pathID("rubric"))
    }

    func shareSession(req: Request) async throws -> Response {
        let kind = ShareLinkRepository.Kind(rawValue: (try? req.content.get(String.self, at: "kind")) ?? "") ?? .partnerKit
        return try await make(req, kind, subject: try req.sessionID().uuidString)
    }

    func make(_ req: Request, _ kind: ShareLinkRepository.Kind, subject: String) async throws -> Response {
        let lifetime = (try? req.content.get(String.self, at: "expires")).flatMap(TimeInterval.init) ?? 7 * 86400
        let made = try await repo(req).create(kind, subject: subject, lifetime: lifetime)
        return try await render(req, newLink: PublicLink.url(req, services, "/shared/" + made.token), kind: kind)
            .encodeResponse(status: .created, for: req)
    }

    func revoke(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw) else { throw MockLoopError.notFound("share link") }
        try await repo(req).revoke(id)
        return req.redirect("/shares")
    }

    func reopenScoring(req: Request) async throws -> Response {
        let id = try req.sessionID()
        try await SessionRepository(db: req.db, userID: try req.actingUser()).reopenScoring(id)
        return req.redirect(SiteURL.session(id).path)
    }

    // MARK: The holder of a link

    func open(req: Request) async throws -> Response {
        let link = try await opened(req)
        try await ShareLinkRepository.recordOpening(link, viewer: req.signedIn?.userID, db: req.db)
        switch ShareLinkRepository.Kind(rawValue: link.kind) {
        case .rubric:
            let stored = try await RubricRepository(db: req.db, userID: link.userID).find(link.subject)
            var page = RubricPage(stored)
            page.shareToken = token(req)
            return try await req.view.render("shared-rubric", page).encodeResponse(for: req)
        case .partnerKit:
            return try await PartnerKit(req: req, link: link, token: token(req)).render(status: .ok, thanks: req.queryBool("thanks"))
        case .scorecard:
            return try await req.view.render("shared-scorecard", try await Scorecard.page(req, link)).encodeResponse(for: req)
        case nil: throw MockLoopError.notFound("page")
        }
    }

    func markdown(req: Request) async throws -> Response {
        let link = try await opened(req)
        guard link.kind == ShareLinkRepository.Kind.rubric.rawValue else { throw MockLoopError.notFound("page") }
        try await ShareLinkRepository.recordOpening(link, viewer: req.signedIn?.userID, db: req.db)
        let rubric = try await RubricRepository(db: req.db, userID: link.userID).find(link.subject).rubric
        return download(rubric.markdown, type: "text/markdown; charset=utf-8", filename: "\(rubric.id).md")
    }

    func score(req: Request) async throws -> Response {
        let link = try await opened(req)
        guard link.kind == ShareLinkRepository.Kind.partnerKit.rawValue else { throw MockLoopError.notFound("page") }
        return try await PartnerKit(req: req, link: link, token: token(req)).submit()
    }

    // MARK: Helpers

    func token(_ req: Request) -> String { req.parameters.get("token") ?? "" }

    func opened(_ req: Request) async throws -> ShareLinkModel {
        guard let link = try await ShareLinkRepository.open(token(req), db: req.db) else { throw MockLoopError.notFound("page") }
        return link
    }

    static func kindWords(_ kind: String) -> String {
        switch ShareLinkRepository.Kind(rawValue: kind) {
        case .rubric: "Rubric"
        case .partnerKit: "Partner kit"
        case .scorecard: "Scorecard"
        case nil: kind
        }
    }

    func subject(_ req: Request, _ link: ShareLinkModel, user: UUID) async throws -> String {
        if link.kind == ShareLinkRepository.Kind.rubric.rawValue {
            return (try? await RubricRepository(db: req.db, userID: user).find(link.subject).rubric.name) ?? link.subject
        }
        guard let id = UUID(uuidString: link.subject), let entry = try? await SessionRepository(db: req.db, userID: user).find(id) else {
            return "a deleted session"
        }
        return "\(entry.type.label) session of \(String(AccountSection.when(entry.date).prefix(10)))"
            + (entry.questionTitle.map { ": \($0)" } ?? "")
    }

    /// The names of the signed-in people who opened the links.
    func viewerNames(_ req: Request, _ ids: Set<UUID>) async throws -> [UUID: String] {
        try await AccountRepository(db: req.db).names(of: ids)
    }
}
