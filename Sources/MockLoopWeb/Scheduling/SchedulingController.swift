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
