import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// The pages: the request form, the Bookings page with its answers, and the form for other
/// times (answering a request or moving a booking); each form comes back with its values and
/// every problem beside its field.
extension SchedulingController {
    // MARK: Pages

    func requestPage(req: Request) async throws -> Response {
        let handle = try req.parameters.require("handle")
        return try await renderRequest(req, handle: handle, input: MockRequestInput(type: req.query[String.self, at: "type"]), errors: [:])
    }

    func createPage(req: Request) async throws -> Response {
        let handle = try req.parameters.require("handle")
        let form = try req.content.decode([String: String].self)
        let input = MockRequestInput(
            type: form["type"], tier: form["tier"],
            minutes: form["minutes"].flatMap { Int($0) } ?? (form["minutes"].nonEmpty == nil ? nil : -1),
            slots: Self.slots(form), note: form["note"])
        do {
            _ = try await try requests(req).request(input, to: handle)
            return req.redirect("/bookings?requested=1")
        } catch let e as MockLoopError where e.kind == .invalid {
            return try await renderRequest(req, handle: handle, input: input, errors: e.fields)
        }
    }

    /// Slots ticked on a form: one checkbox per time, named by the time.
    static func slots(_ form: [String: String]) -> [String] {
        form.filter { $0.key.hasPrefix("slot_") && $0.value == "on" }.map { String($0.key.dropFirst(5)) }.sorted()
    }

    func renderRequest(_ req: Request, handle: String, input: MockRequestInput, errors: [String: String]) async throws -> Response {
        let user = try req.actingUser()
        let them = try await PartnerRepository(db: req.db, userID: user).other(handle: handle)
        guard let me = try await PartnerRepository(db: req.db, userID: user).profile() else {
            return req.redirect("/partners/profile")
        }
        let finder = try await try requests(req).finder(with: them, now: now)
        let types = me.wants.filter(them.offers.contains)
        let type = input.type.flatMap { InterviewType(loose: $0) } ?? types.first ?? .coding
        let minutes = input.minutes ?? PhasePlan.defaultMinutes(type)
        let chosen = Set(input.slots ?? [])
        let starts = finder.starts(minutes: max(minutes, 15), notBefore: now.addingTimeInterval(MockRequestInput.leadTime))
        let page = RequestPage(
            handle: them.handle, myZone: me.timeZone, theirZone: them.timeZone,
            types: types.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == type) },
            tiers: Choice.list(CompanyTier.self, selected: input.tier ?? me.tier.rawValue), minutes: minutes,
            slots: starts.map {
                let value = MockRequestInput.text($0)
                return SlotView(
                    value: value, label: ZonedTime.both($0, mine: me.timeZone, theirs: them.timeZone), checked: chosen.contains(value))
            }, note: input.note ?? "", errors: errors,
            slotErrors: errors.filter { $0.key.hasPrefix("slots.") }.sorted { $0.key < $1.key }.map(\.value))
        return try await req.view.render("booking-request", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: req)
    }

    func listPage(req: Request) async throws -> View {
        try await renderList(req, notice: Self.notice(req), feed: nil)
    }

    static func notice(_ req: Request) -> String? {
        if req.queryBool("requested") { return "Request sent: you will see the answer here." }
        if req.queryBool("booked") { return "Booked: the mock is in your log with its room, and in both calendars." }
        if req.queryBool("cancelled") { return "Cancelled: both calendars will drop it." }
        if req.queryBool("proposed") { return "Other times proposed: they choose one." }
        return nil
    }

    func renderList(_ req: Request, notice: String?, feed: String?, errors: [String: String] = [:]) async throws -> View {
        let user = try req.actingUser()
        let (requests, bookings) = try await views(req)
        let feedSince = try await CalendarFeedRepository(db: req.db, userID: user).current()
        let unconfirmed = try await UserModel.find(user, on: req.db)?.emailVerifiedAt == nil
        return try await req.view.render(
            "bookings",
            BookingsPage(
                toAnswer: requests.filter(\.yourTurn), waiting: requests.filter { $0.status == "pending" && !$0.yourTurn },
                upcoming: bookings.filter { !$0.isPast && $0.status == "booked" },
                past: bookings.filter { $0.isPast || $0.status != "booked" }, hasFeed: feedSince != nil,
                feedURL: feed.map { PublicLink.url(req, services, "/calendar/\($0).ics") }, notice: notice, errors: errors,
                mailFailures: try await MailOutbox(db: req.db).failures(for: user).map { "\($0.subject): \($0.lastError ?? "refused")" },
                confirmAddress: services.config.mail != nil && unconfirmed))
    }

    func acceptPage(req: Request) async throws -> Response {
        let form = try req.content.decode(AcceptBody.self)
        do {
            _ = try await accepting(req, try Self.id(req, "request"), slot: try Self.slot(form.slot))
            return req.redirect("/bookings?booked=1")
        } catch let e as MockLoopError where e.kind == .invalid || e.kind == .conflict {
            return try await renderList(req, notice: nil, feed: nil, errors: ["request": e.fields.values.first ?? e.message])
                .encodeResponse(status: e.kind == .invalid ? .unprocessableEntity : .conflict, for: req)
        }
    }

    func declinePage(req: Request) async throws -> Response {
        try await try requests(req).decline(try Self.id(req, "request"), now: now)
        return req.redirect("/bookings")
    }

    func withdrawPage(req: Request) async throws -> Response {
        try await try requests(req).withdraw(try Self.id(req, "request"), now: now)
        return req.redirect("/bookings")
    }

    func cancelPage(req: Request) async throws -> Response {
        _ = try await cancelling(req, try Self.id(req, "booking"))
        return req.redirect("/bookings?cancelled=1")
    }

    /// Other times: for a request waiting on the user (`/requests/:id/propose`) or to move a
    /// booking (`/bookings/:id/move`).
    func proposePage(req: Request) async throws -> Response {
        try await renderPropose(req, chosen: [], note: "", errors: [:])
    }

    func proposeSubmit(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let slots = Self.slots(form)
        let id = try Self.id(req, "request")
        let isMove = req.url.path.hasPrefix("/bookings/")
        do {
            _ = try await try requests(req).propose(
                slots: slots, note: form["note"], answering: isMove ? nil : id, booking: isMove ? id : nil, now: now)
            return req.redirect("/bookings?proposed=1")
        } catch let e as MockLoopError where e.kind == .invalid {
            return try await renderPropose(req, chosen: Set(slots), note: form["note"] ?? "", errors: e.fields)
        }
    }

    func renderPropose(_ req: Request, chosen: Set<String>, note: String, errors: [String: String]) async throws -> Response {
        let user = try req.actingUser()
        let id = try Self.id(req, "request")
        let isMove = req.url.path.hasPrefix("/bookings/")
        let other: UUID
        let minutes: Int
        if isMove {
            let b = try await try bookings(req).find(id)
            (other, minutes) = (try bookings(req).other(of: b), b.minutes)
        } else {
            let r = try await try requests(req).find(id)
            (other, minutes) = (try requests(req).other(of: r), r.minutes)
        }
        guard let me = try await PartnerRepository(db: req.db, userID: user).profile(),
            let theirs = try await PartnerProfileModel.query(on: req.db).filter(\.$userID == other).first()
        else { throw MockLoopError(.conflict, "Both of you need a partner profile to find other times.") }
        let them = try await PartnerRepository.read(theirs, on: req.db)
        let finder = try await try requests(req).finder(with: them, now: now, moving: isMove ? id : nil)
        let starts = finder.starts(minutes: minutes, notBefore: now.addingTimeInterval(MockRequestInput.leadTime))
        let page = ProposePage(
            action: req.url.path, isMove: isMove, handle: them.handle,
            slots: starts.map {
                let value = MockRequestInput.text($0)
                return SlotView(
                    value: value, label: ZonedTime.both($0, mine: me.timeZone, theirs: them.timeZone), checked: chosen.contains(value))
            }, note: note, errors: errors, slotErrors: errors.filter { $0.key.hasPrefix("slots.") }.sorted { $0.key < $1.key }.map(\.value))
        return try await req.view.render("booking-propose", page).encodeResponse(
            status: errors.isEmpty ? .ok : .unprocessableEntity, for: req)
    }
}

struct RequestPage: Encodable {
    var title = "Request a mock"
    var handle, myZone, theirZone: String
    var types, tiers: [Choice]
    var minutes: Int
    var slots: [SlotView]
    var note: String
    var errors: [String: String]
    var slotErrors: [String]
}

struct ProposePage: Encodable {
    var title = "Propose other times"
    var action: String
    var isMove: Bool
    var handle: String
    var slots: [SlotView]
    var note: String
    var errors: [String: String]
    var slotErrors: [String]
}

struct BookingsPage: Encodable {
    var title = "Bookings"
    var toAnswer, waiting: [RequestView]
    var upcoming, past: [BookingView]
    var hasFeed: Bool
    var feedURL: String?
    var notice: String?
    var errors: [String: String]
    /// Mails about the user's mocks that could not be sent.
    var mailFailures: [String]
    /// Mail is on but the user's address is not confirmed: no invites come by mail yet.
    var confirmAddress: Bool
}
