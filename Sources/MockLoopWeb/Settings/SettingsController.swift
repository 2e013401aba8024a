import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// `/settings` and `/api/v1/target`: the user's target, which every default reads.
struct SettingsController {
    /// The API's view of the target: `set` is false until the user has chosen one (the
    /// values are then the assumed Tier-1 Senior loop).
    struct TargetBody: Content {
        var set: Bool?
        var tier: String?
        var level: String?
        var types: [String]?
        var loopDate: String?
        var company: String?
        var daysToLoop: Int?

        init(_ target: Target, set: Bool) {
            self.set = set
            tier = target.tier.rawValue
            level = target.level.rawValue
            types = target.types.map(\.rawValue)
            loopDate = target.loopDate
            company = target.company
            daysToLoop = target.daysToLoop()
        }
    }

    func repo(_ req: Request) throws -> TargetRepository { TargetRepository(db: req.db, userID: try req.actingUser()) }

    // MARK: API

    func show(req: Request) async throws -> TargetBody {
        let found = try await try repo(req).find()
        return TargetBody(found ?? .assumed, set: found != nil)
    }

    func update(req: Request) async throws -> TargetBody {
        let body = try req.content.decode(TargetBody.self)
        let target = try Target.parse(
            tier: body.tier, level: body.level, types: body.types ?? [], loopDate: body.loopDate, company: body.company)
        try await try repo(req).save(target)
        return TargetBody(target, set: true)
    }

    // MARK: Pages

    func page(req: Request) async throws -> Response {
        var account = try await req.signedIn.asyncMap { try await AccountSection.load(req, $0) }
        if req.queryBool("password") { account?.notice = "Your password is changed; your other devices were signed out." }
        return try await Self.render(req, account: account, saved: req.queryBool("saved"))
    }

    /// The settings page: the target, and with accounts the account's password, devices and tokens.
    static func render(
        _ req: Request, account: AccountSection?, target: TargetForm? = nil, saved: Bool = false, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let form: TargetForm
        if let target {
            form = target
        } else {
            form = TargetForm(try await TargetRepository(db: req.db, userID: req.actingUser()).current(), back: SiteURL.settings.path)
        }
        return try await req.view.render("settings", SettingsPage(target: form, saved: saved, account: account))
            .encodeResponse(status: status, for: req)
    }

    /// Saves the target and goes back to where the form was (home or settings); with problems
    /// that page comes back with the values as typed and each problem beside its field.
    func savePage(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let back = form["back"] == "/" ? "/" : SiteURL.settings.path
        do {
            try await try repo(req).save(try TargetForm.target(form))
            return req.redirect(back == "/" ? "/" : SiteURL.settings.query("saved=1"))
        } catch let e as MockLoopError where e.kind == .invalid {
            let posted = TargetForm(posted: form, errors: e.fields, back: back)
            if back == "/" {
                return try await req.view.render("home", try await HomeSource.load(req).page(target: posted))
                    .encodeResponse(status: .unprocessableEntity, for: req)
            }
            let account = try await req.signedIn.asyncMap { try await AccountSection.load(req, $0) }
            return try await Self.render(req, account: account, target: posted, status: .unprocessableEntity)
        }
    }
}
