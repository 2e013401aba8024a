import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Booking mocks with partners: a request with up to three times from the time both are free,
/// answered by accepting one, declining or proposing others; the bookings that come of it
/// (moved or cancelled by either side), each with its calendar invite; and one's calendar feed.
/// Only the two people reach a request or a booking: anyone else's id is "not found".
struct SchedulingController {
    let services: AppServices

    var now: Date { services.config.clock.now() }

    func requests(_ req: Request) throws -> MockRequestRepository { MockRequestRepository(db: req.db, userID: try req.actingUser()) }
    func bookings(_ req: Request) throws -> BookingRepository { BookingRepository(db: req.db, userID: try req.actingUser()) }

    static func id(_ req: Request, _ what: String) throws -> UUID {
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw) else { throw MockLoopError.notFound(what) }
        return id
    }

    struct ListBody: Content {
        var requests: [MockRequestBody]
        var bookings: [BookingBody]
    }

    struct AcceptBody: Content { var slot: String? }
    struct ProposeBody: Content {
        var slots: [String]?
        var note: String?
    }

    // MARK: API

    func list(req: Request) async throws -> ListBody {
        let (requests, bookings) = try await views(req)
        return ListBody(requests: requests.map(MockRequestBody.init), bookings: bookings.map(BookingBody.init))
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(MockRequestInput.self)
        let made = try await try requests(req).request(input, to: try req.parameters.require("handle"), now: now)
        return try await requestBody(req, made).encodeResponse(status: .created, for: req)
    }

    func accept(req: Request) async throws -> BookingBody {
        let slot = try Self.slot(try req.content.decode(AcceptBody.self).slot)
        let booking = try await accepting(req, try Self.id(req, "request"), slot: slot)
        return BookingBody(try await bookingView(req, booking))
    }

    func decline(req: Request) async throws -> HTTPStatus {
        try await try requests(req).decline(try Self.id(req, "request"), now: now)
        return .noContent
    }

    func withdraw(req: Request) async throws -> HTTPStatus {
        try await try requests(req).withdraw(try Self.id(req, "request"), now: now)
        return .noContent
    }

    func propose(req: Request) async throws -> Response {
        let body = try req.content.decode(ProposeBody.self)
        let made = try await try requests(req).propose(
            slots: body.slots ?? [], note: body.note, answering: try Self.id(req, "request"), now: now)
        return try await requestBody(req, made).encodeResponse(status: .created, for: req)
    }

    func move(req: Request) async throws -> Response {
        let body = try req.content.decode(ProposeBody.self)
        let made = try await try requests(req).propose(
            slots: body.slots ?? [], note: body.note, booking: try Self.id(req, "booking"), now: now)
        return try await requestBody(req, made).encodeResponse(status: .created, for: req)
    }

    func cancel(req: Request) async throws -> BookingBody {
        let b = try await cancelling(req, try Self.id(req, "booking"))
        return BookingBody(try await bookingView(req, b))
    }

    static func slot(_ raw: String?) throws -> Date {
        guard let raw = raw.nonEmpty else { throw MockLoopError.invalid("slot", "choose one of the times offered") }
        guard let date = MockRequestInput.date(raw) else {
            throw MockLoopError.invalid("slot", "'\(raw.prefix(40))' is not a time like 2026-12-01T18:00:00Z")
        }
        return date
    }

    // MARK: Calendar

    /// The booking's invitation: METHOD:REQUEST while it stands, CANCEL once cancelled.
    func invite(req: Request) async throws -> Response {
        let user = try req.actingUser()
        let b = try await try bookings(req).find(try Self.id(req, "booking"))
        let events = try await BookingCalendar(db: req.db, userID: user).events([b], roomURL: roomURL(req))
        let method: ICSWriter.Method = b.status == BookingModel.Status.cancelled.rawValue ? .cancel : .request
        return Self.calendar(ICSWriter.calendar(events, method: method), file: "mockloop-\(b.uid.prefix(8)).ics")
    }

    /// The feed a calendar subscribes to: every booking of the last 30 days and to come, the
    /// cancelled ones as CANCELLED so calendars drop them.
    func feed(req: Request) async throws -> Response {
        var token = try req.parameters.require("token")
        if token.hasSuffix(".ics") { token.removeLast(4) }
        guard let owner = try await CalendarFeedRepository.owner(of: token, on: req.db) else { throw MockLoopError.notFound("calendar") }
        let now = now
        let all = try await BookingRepository(db: req.db, userID: owner).all(
            since: now.addingTimeInterval(-BookingRepository.keepCancelled))
        let events = try await BookingCalendar(db: req.db, userID: owner).events(all, roomURL: roomURL(req), now: now)
        return Self.calendar(ICSWriter.calendar(events, method: nil, name: "MockLoop mocks"), file: nil)
    }

    func roomURL(_ req: Request) -> (UUID) -> String? {
        let services = services
        return { PublicLink.url(req, services, "/rooms/\($0.uuidString.lowercased())") }
    }

    static func calendar(_ text: String, file: String?) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        if let file { response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(file)\"") }
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

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

    /// A new feed address (the old one stops working), shown once on the page.
    func newFeedPage(req: Request) async throws -> View {
        let token = try await CalendarFeedRepository(db: req.db, userID: try req.actingUser()).create(now: now)
        return try await renderList(
            req, notice: "Your calendar feed: subscribe to it by URL; any earlier address no longer works.", feed: token)
    }

    func revokeFeedPage(req: Request) async throws -> Response {
        try await CalendarFeedRepository(db: req.db, userID: try req.actingUser()).revoke()
        return req.redirect("/bookings")
    }

    // MARK: Shared

    /// Accepts a time and queues the mails it sends in the same transaction: a mail is never
    /// promised for a booking that was not made, nor lost for one that was.
    func accepting(_ req: Request, _ id: UUID, slot: Date) async throws -> BookingModel {
        let user = try req.actingUser()
        let (now, services, base) = (now, services, PublicLink.url(req, services, ""))
        let booking = try await req.db.transaction { db in
            let requests = MockRequestRepository(db: db, userID: user)
            let moves = try await requests.find(id).bookingID != nil
            let b = try await requests.accept(id, slot: slot, now: now)
            try await services.bookingMail(moves ? .moved : .booked, b, db: db, base: base, now: now)
            return b
        }
        return booking
    }

    func cancelling(_ req: Request, _ id: UUID) async throws -> BookingModel {
        let user = try req.actingUser()
        let (now, services, base) = (now, services, PublicLink.url(req, services, ""))
        let booking = try await req.db.transaction { db in
            let b = try await BookingRepository(db: db, userID: user).cancel(id, now: now)
            try await services.bookingMail(.cancelled, b, db: db, base: base, now: now)
            return b
        }
        return booking
    }

    func views(_ req: Request) async throws -> ([RequestView], [BookingView]) {
        let user = try req.actingUser()
        let now = now
        try await NoShowCheck(db: req.db).run(now: now)
        let requests = try await MockRequestRepository(db: req.db, userID: user).all(now: now)
        let bookings = try await BookingRepository(db: req.db, userID: user).all(now: now)
        var views = SchedulingViews(req: req, userID: user)
        try await views.load(
            requests.flatMap { [$0.candidateID, $0.interviewerID] } + bookings.flatMap { [$0.candidateID, $0.interviewerID] })
        return (try requests.map(views.request), try bookings.map { try views.booking($0, now: now) })
    }

    func requestBody(_ req: Request, _ r: MockRequestModel) async throws -> MockRequestBody {
        var views = SchedulingViews(req: req, userID: try req.actingUser())
        try await views.load([r.candidateID, r.interviewerID])
        return MockRequestBody(try views.request(r))
    }

    func bookingView(_ req: Request, _ b: BookingModel) async throws -> BookingView {
        var views = SchedulingViews(req: req, userID: try req.actingUser())
        try await views.load([b.candidateID, b.interviewerID])
        return try views.booking(b, now: now)
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
