import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// `/partners` and `/api/v1/partners`: one's partner profile, ranked suggestions with their
/// reasons, another person's profile, and blocking, reporting and showing one's name.
/// Another person is reached only by handle, and a hidden or blocked one is "not found".
struct PartnersController {
    let services: AppServices

    func directory(_ req: Request) throws -> PartnerDirectory {
        PartnerDirectory(db: req.db, userID: try req.actingUser(), cards: services.partnerCards)
    }
    struct ProfileBody: Content {
        var profile: PartnerProfileInput
        var ledger: PartnerStats
    }

    struct ListBody: Content {
        var partners: [PartnerListing]
    }

    /// Another person's profile as they show it to others.
    struct OtherBody: Content {
        struct Loop: Codable {
            var company, tier, level, month: String
            var types: [String]
            var verified: Bool
        }

        var handle: String
        /// Their name, once both have agreed to show names.
        var name: String?
        var tier, level, timeZone: String
        var companies, wants, offers, languages: [String]
        var availability: String
        var loops: [Loop]
        var ledger: PartnerStats
        var match: PartnerListing?
        var youShowName, theyShowName: Bool
    }

    struct ReportBody: Content { var reason: String? }

    func repo(_ req: Request) throws -> PartnerRepository { PartnerRepository(db: req.db, userID: try req.actingUser()) }

    func ledger(_ req: Request, _ id: UUID) async throws -> PartnerStats {
        try await PartnerLedger(db: req.db).stats(for: [id])[id] ?? PartnerStats()
    }

    // MARK: API

    func list(req: Request) async throws -> ListBody {
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 20, 1), 100)
        let found = try await try directory(req).suggestions(limit: limit)
        return ListBody(partners: found.map(PartnerListing.init))
    }

    func showProfile(req: Request) async throws -> ProfileBody {
        guard let profile = try await try repo(req).profile() else { throw MockLoopError.notFound("partner profile") }
        return ProfileBody(profile: PartnerProfileInput(profile), ledger: try await ledger(req, try req.actingUser()))
    }

    func saveProfile(req: Request) async throws -> ProfileBody {
        let input = try req.content.decode(PartnerProfileInput.self)
        let profile = try await try repo(req).save(input)
        return ProfileBody(profile: PartnerProfileInput(profile), ledger: try await ledger(req, try req.actingUser()))
    }

    func removeProfile(req: Request) async throws -> HTTPStatus {
        try await try repo(req).remove()
        return .noContent
    }

    func showOther(req: Request) async throws -> OtherBody {
        try await other(req, handle: try req.parameters.require("handle"))
    }

    func block(req: Request) async throws -> HTTPStatus {
        let other = try await try repo(req).other(handle: try req.parameters.require("handle"))
        try await PartnerSafety(db: req.db, userID: try req.actingUser()).block(other.userID)
        return .noContent
    }

    func unblock(req: Request) async throws -> HTTPStatus {
        try await unblock(req, handle: try req.parameters.require("handle"))
        return .noContent
    }

    func report(req: Request) async throws -> HTTPStatus {
        let other = try await try repo(req).other(handle: try req.parameters.require("handle"))
        let body = try req.content.decode(ReportBody.self)
        try await PartnerSafety(db: req.db, userID: try req.actingUser()).report(other.userID, reason: body.reason ?? "")
        return .noContent
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> View {
        let me = try req.actingUser()
        let profile = try await try repo(req).profile()
        let safety = PartnerSafety(db: req.db, userID: me)
        var page = PartnersPage(
            hasProfile: profile != nil, visible: profile?.visible ?? false, handle: profile?.handle ?? "",
            ledger: try await ledger(req, me).ledger, suggestions: [],
            blocked: try await safety.blocked().compactMap(\.handle), saved: req.queryBool("saved"), notice: nil)
        if profile != nil {
            page.suggestions = try await try directory(req).suggestions().map(PartnerListing.init)
        }
        if req.queryBool("blocked") { page.notice = "Blocked: you will not see each other in suggestions, requests or rooms." }
        if req.queryBool("reported") { page.notice = "Reported: the admins will read it." }
        return try await req.view.render("partners", page)
    }

    func profilePage(req: Request) async throws -> View {
        let me = try req.actingUser()
        let profile = try await try repo(req).profile()
        var input = profile.map(PartnerProfileInput.init) ?? PartnerProfileInput()
        if profile == nil {
            let target = try await TargetRepository(db: req.db, userID: me).current()
            input.handle = PartnerProfile.suggestedHandle(for: me)
            input.visible = true
            input.tier = target.tier.rawValue
            input.level = target.level.rawValue
            input.companies = target.company.map { [$0] }
            input.wants = target.types.map(\.rawValue)
            input.timeZone = "UTC"
        }
        return try await req.view.render("partner-profile", ProfilePage(form: ProfileForm(input), isNew: profile == nil))
    }

    func saveProfilePage(req: Request) async throws -> Response {
        let input = ProfileForm.input(try req.content.decode([String: String].self))
        do {
            try await try repo(req).save(input)
            return req.redirect("/partners?saved=1")
        } catch let e as MockLoopError where e.kind == .invalid {
            return try await req.view.render("partner-profile", ProfilePage(form: ProfileForm(input, errors: e.fields), isNew: false))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func removeProfilePage(req: Request) async throws -> Response {
        try await try repo(req).remove()
        return req.redirect("/partners")
    }

    func otherPage(req: Request) async throws -> Response {
        try await renderOther(req: req, reason: "", errors: [:])
    }

    func renderOther(req: Request, reason: String, errors: [String: String]) async throws -> Response {
        let body = try await other(req, handle: try req.parameters.require("handle"))
        return try await req.view.render("partner", OtherPage(partner: body, reason: reason, errors: errors))
            .encodeResponse(status: errors.isEmpty ? .ok : .unprocessableEntity, for: req)
    }

    func blockPage(req: Request) async throws -> Response {
        _ = try await block(req: req)
        return req.redirect("/partners?blocked=1")
    }

    func unblockPage(req: Request) async throws -> Response {
        try await unblock(req, handle: try req.parameters.require("handle"))
        return req.redirect("/partners")
    }

    func reportPage(req: Request) async throws -> Response {
        let other = try await try repo(req).other(handle: try req.parameters.require("handle"))
        let reason = try req.content.decode(ReportBody.self).reason ?? ""
        do {
            try await PartnerSafety(db: req.db, userID: try req.actingUser()).report(other.userID, reason: reason)
            return req.redirect("/partners?reported=1")
        } catch let e as MockLoopError where e.kind == .invalid {
            return try await renderOther(req: req, reason: reason, errors: e.fields)
        }
    }

    func revealPage(req: Request) async throws -> Response {
        let handle = try req.parameters.require("handle")
        let other = try await try repo(req).other(handle: handle)
        try await PartnerSafety(db: req.db, userID: try req.actingUser()).reveal(to: other.userID)
        return req.redirect("/partners/\(other.handle)")
    }

    // MARK: Shared

    func other(_ req: Request, handle: String) async throws -> OtherBody {
        let me = try req.actingUser()
        let p = try await try repo(req).other(handle: handle)
        let reveals = try await PartnerSafety(db: req.db, userID: me).reveals(with: p.userID)
        let name = reveals.mine && reveals.theirs ? try await UserModel.find(p.userID, on: req.db)?.name : nil
        let match = try await try directory(req).match(p)
        return OtherBody(
            handle: p.handle, name: name, tier: p.tier.label, level: p.level.label, timeZone: p.timeZone, companies: p.companies,
            wants: p.wants.map(\.label), offers: p.offers.map(\.label), languages: p.languages, availability: p.availability.weekly.text,
            loops: p.loops.map {
                OtherBody.Loop(
                    company: $0.company, tier: $0.tier.label, level: $0.level.label, month: $0.month, types: $0.types.map(\.label),
                    verified: $0.verified)
            }, ledger: try await ledger(req, p.userID), match: match.map(PartnerListing.init), youShowName: reveals.mine,
            theyShowName: reveals.theirs)
    }

    /// Unblocks by handle: the person is hidden from the user, so they are looked up among
    /// the user's own blocks.
    func unblock(_ req: Request, handle: String) async throws {
        let safety = PartnerSafety(db: req.db, userID: try req.actingUser())
        guard let found = try await safety.blocked().first(where: { $0.handle == handle.lowercased() }) else {
            throw MockLoopError.notFound("blocked partner")
        }
        try await safety.unblock(found.id)
    }
}

struct PartnersPage: Encodable {
    var title = "Partners"
    var hasProfile, visible: Bool
    var handle, ledger: String
    var suggestions: [PartnerListing]
    var blocked: [String]
    var saved: Bool
    var notice: String?
}

struct ProfilePage: Encodable {
    var title = "Your partner profile"
    var form: ProfileForm
    var isNew: Bool
}

struct OtherPage: Encodable {
    var title = "Partner"
    var partner: PartnersController.OtherBody
    var reason: String
    var errors: [String: String]
}
