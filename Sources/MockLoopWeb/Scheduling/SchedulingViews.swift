import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Requests and bookings as one of their two people reads them: the other by handle (or name,
/// once both agreed), every time in both zones.
struct SchedulingViews {
    let req: Request
    let userID: UUID
    var zones: [UUID: String] = [:]
    var names: [UUID: String] = [:]

    init(req: Request, userID: UUID) {
        self.req = req
        self.userID = userID
    }

    mutating func load(_ ids: [UUID]) async throws {
        for id in Set(ids + [userID]) where names[id] == nil {
            let profile = try await PartnerProfileModel.query(on: req.db).filter(\.$userID == id).first()
            let zone = profile.flatMap { try? JSONDecoder().decode(PartnerProfileInput.self, from: Data($0.body.utf8)).timeZone }
            zones[id] = zone ?? "UTC"
            var name = profile?.handle ?? "a former partner"
            if id != userID {
                let reveals = try await PartnerSafety(db: req.db, userID: userID).reveals(with: id)
                if reveals.mine && reveals.theirs, let user = try await UserModel.find(id, on: req.db) { name = user.name }
            }
            names[id] = name
        }
    }

    func when(_ date: Date, other: UUID) -> String {
        ZonedTime.both(date, mine: zones[userID] ?? "UTC", theirs: zones[other] ?? "UTC")
    }

    func request(_ r: MockRequestModel) throws -> RequestView {
        let other = r.candidateID == userID ? r.interviewerID : r.candidateID
        return RequestView(
            id: try r.requireID().uuidString.lowercased(), with: names[other] ?? "",
            role: r.candidateID == userID ? "candidate" : "interviewer",
            type: InterviewType(rawValue: r.type)?.label ?? r.type, tier: CompanyTier(rawValue: r.tier)?.label ?? r.tier,
            minutes: r.minutes,
            note: r.note, status: r.status, yourTurn: r.status == MockRequestModel.Status.pending.rawValue && r.proposedBy != userID,
            isMove: r.bookingID != nil,
            slots: r.slotDates.map { SlotView(value: MockRequestInput.text($0), label: when($0, other: other), checked: false) })
    }

    func booking(_ b: BookingModel, now: Date) throws -> BookingView {
        let other = b.candidateID == userID ? b.interviewerID : b.candidateID
        let id = try b.requireID().uuidString.lowercased()
        let booked = b.status == BookingModel.Status.booked.rawValue
        return BookingView(
            id: id, with: names[other] ?? "", role: b.candidateID == userID ? "candidate" : "interviewer",
            type: InterviewType(rawValue: b.type)?.label ?? b.type, minutes: b.minutes, when: when(b.startAt, other: other),
            start: MockRequestInput.text(b.startAt), status: b.status,
            room: booked ? b.roomID.map { "/rooms/\($0.uuidString.lowercased())" } : nil,
            session: b.candidateID == userID ? b.sessionID.map { "/sessions/\($0.uuidString.lowercased())" } : nil,
            invite: "/bookings/\(id)/invite.ics", canChange: booked && b.startAt > now, isPast: b.endAt <= now,
            missed: b.missedBy.map {
                $0 == "both" ? "both" : $0 == (b.candidateID == userID ? "candidate" : "interviewer") ? "you" : "them"
            })
    }
}

struct SlotView: Encodable {
    var value, label: String
    var checked: Bool
}

struct RequestView: Encodable {
    var id, with, role, type, tier: String
    var minutes: Int
    var note, status: String
    var yourTurn, isMove: Bool
    var slots: [SlotView]
}

struct BookingView: Encodable {
    var id, with, role, type: String
    var minutes: Int
    var when, start, status: String
    var room, session: String?
    var invite: String
    var canChange, isPast: Bool
    /// Who had not joined ten minutes after the start: you, them or both.
    var missed: String?
}

/// API: a request as either side reads it.
struct MockRequestBody: Content {
    var id, with, role, type, tier: String
    var minutes: Int
    var slots: [String]
    var note, status: String
    /// The user is the one to answer it.
    var yourTurn: Bool
    var movesBooking: Bool

    init(_ v: RequestView) {
        id = v.id
        with = v.with
        role = v.role
        type = v.type
        tier = v.tier
        minutes = v.minutes
        slots = v.slots.map(\.value)
        note = v.note
        status = v.status
        yourTurn = v.yourTurn
        movesBooking = v.isMove
    }
}

/// API: a booking as either side reads it.
struct BookingBody: Content {
    var id, with, role, type: String
    var minutes: Int
    var start, status: String
    var room, session: String?
    var invite: String
    var missed: String?

    init(_ v: BookingView) {
        id = v.id
        with = v.with
        role = v.role
        type = v.type
        minutes = v.minutes
        start = v.start
        status = v.status
        room = v.room
        session = v.session
        invite = v.invite
        missed = v.missed
    }
}
