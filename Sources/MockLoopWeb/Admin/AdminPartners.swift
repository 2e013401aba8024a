import Foundation
import MockLoopCore
import MockLoopStore
import Vapor

/// `/admin/partners`: the loops people say they passed, to mark verified once checked, and the
/// open reports about people, to read and close. Each action goes to the audit log.
struct AdminPartners {
    struct Page: Encodable {
        struct Loop: Encodable {
            var id, handle, company, tier, level, types, month: String
            var verified: Bool
        }
        struct Report: Encodable { var id, reporter, reported, reason, at: String }
        var title = "Admin: partners"
        var loops: [Loop]
        var reports: [Report]
    }

    let admin: AdminController

    func page(req: Request) async throws -> View {
        _ = try admin.admin(req)
        let repo = PartnerAdmin(db: req.db)
        let loops = try await repo.loops().map {
            Page.Loop(
                id: $0.id.uuidString, handle: $0.handle, company: $0.loop.company, tier: $0.loop.tier.label, level: $0.loop.level.label,
                types: $0.loop.types.map(\.label).joined(separator: ", "), month: $0.loop.month, verified: $0.loop.verified)
        }
        let reports = try await repo.openReports().map {
            Page.Report(
                id: $0.id.uuidString, reporter: $0.reporter, reported: $0.reported, reason: $0.reason, at: AccountSection.when($0.at))
        }
        return try await req.view.render("admin-partners", Page(loops: loops, reports: reports))
    }

    /// `verify` or `unverify` a loop.
    func loop(req: Request) async throws -> Response {
        let me = try admin.admin(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw MockLoopError.notFound("loop") }
        let action = req.parameters.get("action") ?? ""
        guard ["verify", "unverify"].contains(action) else { throw MockLoopError.notFound("admin action '\(action)'") }
        try await req.db.transaction { db in
            let owner = try await PartnerAdmin(db: db).verify(id, action == "verify")
            try await AdminRepository(db: db, actor: me).record("loop-\(action)", try await UserModel.find(owner, on: db))
        }
        return req.redirect("/admin/partners")
    }

    func closeReport(req: Request) async throws -> Response {
        let me = try admin.admin(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw MockLoopError.notFound("report") }
        try await req.db.transaction { db in
            let about = try await PartnerAdmin(db: db).close(id)
            try await AdminRepository(db: db, actor: me).record("report-close", try await UserModel.find(about, on: db))
        }
        return req.redirect("/admin/partners")
    }
}
