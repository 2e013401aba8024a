import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// `/admin`: the accounts of the instance (search, pages, sessions counted but never shown),
/// disable and enable, the admin role, reset links, invites, and the audit log of all of it.
/// Only admins reach these routes; anyone else gets a 404.
struct AdminController {
    let services: AppServices

    struct UsersPage: Encodable {
        struct Row: Encodable {
            var id, email, name, created: String
            var sessions: Int
            var isAdmin, disabled, isMe: Bool
        }

        var title = "Admin: accounts"
        var rows: [Row]
        var q: String
        var page, pages, total: Int
        var previous, next: String?
        /// A reset link just issued: its only showing.
        var link: String?
        var linkFor: String?
        var message: String?
    }

    struct InvitesPage: Encodable {
        struct Row: Encodable {
            var id, note, created, expires: String
            var usesLeft, used: Int
            var expired: Bool
        }

        var title = "Admin: invites"
        var rows: [Row]
        var code: String?
        var link: String?
        var errors: [String: String] = [:]
        var policy: String
    }

    struct AuditPage: Encodable {
        struct Row: Encodable { var at, actor, action, subject: String }
        var title = "Admin: audit log"
        var rows: [Row]
    }

    func admin(_ req: Request) throws -> UUID {
        guard let who = req.signedIn, who.isAdmin else { throw MockLoopError.notFound("page") }
        return who.userID
    }

    // MARK: Accounts

    func usersPage(req: Request) async throws -> Response {
        try await renderUsers(req, link: nil, linkFor: nil, message: nil)
    }

    func renderUsers(_ req: Request, link: String?, linkFor: String?, message: String?) async throws -> Response {
        let me = try admin(req)
        let q = req.query[String.self, at: "q"] ?? ""
        let page = max(1, (try? req.queryInt("page")) ?? 1)
        let (rows, total) = try await AdminRepository(db: req.db, actor: me).users(search: q, page: page)
        let pages = max(1, (total + AdminRepository.pageSize - 1) / AdminRepository.pageSize)
        func href(_ p: Int) -> String {
            "/admin?" + (q.isEmpty ? "" : "q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&") + "page=\(p)"
        }
        let view = UsersPage(
            rows: rows.map {
                .init(
                    id: $0.id.uuidString, email: $0.email, name: $0.name, created: $0.createdAt.map(AccountSection.when) ?? "",
                    sessions: $0.sessions, isAdmin: $0.isAdmin, disabled: $0.disabled, isMe: $0.id == me)
            }, q: q, page: page, pages: pages, total: total, previous: page > 1 ? href(page - 1) : nil,
            next: page < pages ? href(page + 1) : nil, link: link, linkFor: linkFor, message: message)
        return try await req.view.render("admin-users", view).encodeResponse(for: req)
    }

    func act(req: Request) async throws -> Response {
        let me = try admin(req)
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw) else { throw MockLoopError.notFound("account") }
        let repo = AdminRepository(db: req.db, actor: me)
        switch req.parameters.get("action") ?? "" {
        case "disable": try await repo.setDisabled(id, true)
        case "enable": try await repo.setDisabled(id, false)
        case "promote": try await repo.setAdmin(id, true)
        case "demote": try await repo.setAdmin(id, false)
        case "reset":
            let services = services
            let base = PublicLink.url(req, services, "/password/")
            let made = try await req.db.transaction { db in
                let made = try await services.accounts(db: db).issueReset(userID: id, by: me)
                // With mail, the link also goes to the account's own address, in the same transaction.
                if let mail = services.config.mail {
                    try await AccountMail(db: db, config: mail).enqueueReset(
                        to: made.user, link: base + made.link, now: services.config.clock.now())
                }
                return made
            }
            return try await renderUsers(
                req, link: base + made.link, linkFor: made.user.email,
                message: services.config.mail == nil ? nil : "The link was also e-mailed to \(made.user.email ?? "them").")
        case let other: throw MockLoopError.notFound("admin action '\(other)'")
        }
        return req.redirect("/admin?done=1")
    }

    // MARK: Invites

    func invitesPage(req: Request) async throws -> Response {
        _ = try admin(req)
        return try await renderInvites(req, code: nil, errors: [:], status: .ok)
    }

    func renderInvites(_ req: Request, code: String?, errors: [String: String], status: HTTPResponseStatus) async throws -> Response {
        let now = Date()
        let rows = try await InviteRepository(db: req.db).list().map {
            InvitesPage.Row(
                id: $0.id!.uuidString, note: $0.note ?? "", created: AccountSection.when($0.createdAt),
                expires: AccountSection.when($0.expiresAt),
                usesLeft: $0.usesLeft, used: $0.used, expired: $0.expiresAt <= now)
        }
        let view = InvitesPage(
            rows: rows, code: code, link: code.map { PublicLink.url(req, services, "/sign-up?invite=" + $0) }, errors: errors,
            policy: services.config.accounts?.signUp.rawValue ?? "open")
        return try await req.view.render("admin-invites", view).encodeResponse(status: status, for: req)
    }

    func createInvite(req: Request) async throws -> Response {
        let me = try admin(req)
        let form = try req.content.decode([String: String].self)
        var problems = FieldProblems()
        let uses = Int(form["uses"] ?? "") ?? 0
        let days = Int(form["days"] ?? "") ?? 0
        if !(1...1000).contains(uses) { problems.add("uses", "must be a whole number from 1 to 1000") }
        if !(1...90).contains(days) { problems.add("days", "must be a whole number of days from 1 to 90") }
        let note = form["note"]?.trimmingCharacters(in: .whitespaces) ?? ""
        if note.count > 120 { problems.add("note", "must be at most 120 characters") }
        if !problems.fields.isEmpty {
            return try await renderInvites(req, code: nil, errors: problems.fields, status: .unprocessableEntity)
        }
        let made = try await InviteRepository(db: req.db).create(by: me, uses: uses, days: days, note: note.isEmpty ? nil : note)
        try await AdminRepository(db: req.db, actor: me).record("invite (\(uses) use\(uses == 1 ? "" : "s"), \(days) days)", nil)
        return try await renderInvites(req, code: made.code, errors: [:], status: .created)
    }

    func revokeInvite(req: Request) async throws -> Response {
        let me = try admin(req)
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw) else { throw MockLoopError.notFound("invite") }
        try await InviteRepository(db: req.db).revoke(id)
        try await AdminRepository(db: req.db, actor: me).record("revoke invite", nil)
        return req.redirect("/admin/invites")
    }

    // MARK: Audit

    func auditPage(req: Request) async throws -> View {
        _ = try admin(req)
        let rows = try await AdminRepository(db: req.db, actor: nil).audit().map {
            AuditPage.Row(at: AccountSection.when($0.event.at), actor: $0.actor, action: $0.event.action, subject: $0.event.subject ?? "")
        }
        return try await req.view.render("admin-audit", AuditPage(rows: rows))
    }

    // MARK: Mail

    /// The outbox: how many mails wait, are being sent, were sent or were given up on, and the
    /// latest failures with the server's reason.
    func mailPage(req: Request) async throws -> View {
        _ = try admin(req)
        let (counts, failed) = try await MailOutbox(db: req.db).summary()
        return try await req.view.render(
            "admin-mail",
            MailPage(
                configured: services.config.mail != nil, pending: counts["pending"] ?? 0, sending: counts["sending"] ?? 0,
                sent: counts["sent"] ?? 0, failed: counts["failed"] ?? 0,
                rows: failed.map {
                    .init(
                        at: AccountSection.when($0.createdAt), to: $0.recipient, subject: $0.subject, reason: $0.lastError ?? "",
                        attempts: $0.attempts)
                }))
    }
}

struct MailPage: Encodable {
    struct Row: Encodable {
        var at, to, subject, reason: String
        var attempts: Int
    }

    var title = "Mail"
    var configured: Bool
    var pending, sending, sent, failed: Int
    var rows: [Row]
}
