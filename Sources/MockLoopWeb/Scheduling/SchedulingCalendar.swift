import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Calendars: a booking's invite for either side, and the secret feed calendars subscribe to
/// (made, replaced or turned off on the Bookings page).
extension SchedulingController {
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
}
