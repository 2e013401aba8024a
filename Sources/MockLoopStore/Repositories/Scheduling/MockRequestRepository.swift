import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Requests for mocks between partners. The one who asks is the candidate and offers up to three
/// times from the time both are free; the other accepts one (which books it), declines, or
/// proposes other times (a new request answering the old). Moving a booked mock is a request too.
/// Only the two people see a request; the one who did not propose its times answers it.
public struct MockRequestRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    var profiles: PartnerRepository { PartnerRepository(db: db, userID: userID) }

    func myProfile() async throws -> PartnerProfile {
        guard let me = try await profiles.profile() else { throw PartnerDirectory.needProfile }
        return me
    }

    /// The times the user and another person are both free over the next 14 days, less what
    /// either has booked (except the booking being moved).
    public func finder(with other: PartnerProfile, now: Date = Date(), moving: UUID? = nil) async throws -> SlotFinder {
        try await Self.finder(try await myProfile(), other, now: now, moving: moving, on: db)
    }

    static func finder(_ a: PartnerProfile, _ b: PartnerProfile, now: Date, moving: UUID?, on db: Database) async throws -> SlotFinder {
        let w = ZoneQuarters.window(from: now)
        let mine = ZoneQuarters(zone: a.zone, start: w.start, count: w.count)
        let theirs = ZoneQuarters(zone: b.zone, start: w.start, count: w.count)
        var finder = SlotFinder(shared: a.availability.free(in: mine).intersection(b.availability.free(in: theirs)), window: mine)
        let end = w.start.addingTimeInterval(TimeInterval(w.count * 900))
        for booked in try await BookingRepository.busy([a.userID, b.userID], from: w.start, to: end, on: db) where booked.id != moving {
            finder.reserve(booked.startAt, minutes: booked.minutes)
        }
        return finder
    }

    /// Asks another person (by handle) to interview the user.
    public func request(_ input: MockRequestInput, to handle: String, now: Date = Date()) async throws -> MockRequestModel {
        let them = try await profiles.other(handle: handle)
        let me = try await myProfile()
        try await noOpenRequest(with: them.userID, handle: them.handle)
        let finder = try await Self.finder(me, them, now: now, moving: nil, on: db)
        let checked = try input.checked(wants: me.wants, offers: them.offers, defaultTier: me.tier, finder: finder, now: now)
        let m = Self.model(
            candidate: userID, interviewer: them.userID, by: userID, checked, booking: nil, replaces: nil, now: now)
        try await m.create(on: db)
        return m
    }

    /// Proposes other times for a mock: answering a request (which it replaces), or moving a
    /// booking (`booking`). The kind, tier and length stay.
    public func propose(
        slots: [String], note: String?, answering requestID: UUID? = nil, booking: UUID? = nil, now: Date = Date()
    ) async throws -> MockRequestModel {
        let me = try await myProfile()
        var old: MockRequestModel?
        var base: (candidate: UUID, interviewer: UUID, type: String, tier: String, minutes: Int, booking: UUID?)
        if let requestID {
            let r = try await find(requestID)
            guard r.status == MockRequestModel.Status.pending.rawValue, r.proposedBy != userID else {
                throw MockLoopError(.conflict, "This request is not waiting for your answer.")
            }
            old = r
            base = (r.candidateID, r.interviewerID, r.type, r.tier, r.minutes, r.bookingID)
        } else if let booking {
            let b = try await BookingRepository(db: db, userID: userID).find(booking)
            guard b.status == BookingModel.Status.booked.rawValue, b.startAt > now else {
                throw MockLoopError(.conflict, "Only a mock still to come can move.")
            }
            base = (b.candidateID, b.interviewerID, b.type, b.tier, b.minutes, try b.requireID())
        } else {
            throw MockLoopError.invalid("request", "answer a request or move a booking")
        }
        let otherID = base.candidate == userID ? base.interviewer : base.candidate
        guard let theirModel = try await PartnerProfileModel.query(on: db).filter(\.$userID == otherID).first() else {
            throw MockLoopError(.conflict, "They no longer have a partner profile: times cannot be proposed.")
        }
        let them = try await PartnerRepository.profile(theirModel, on: db)
        if old == nil { try await noOpenRequest(with: otherID, handle: them.handle) }
        let finder = try await Self.finder(me, them, now: now, moving: base.booking, on: db)
        let type = InterviewType(rawValue: base.type) ?? .coding
        let input = MockRequestInput(type: base.type, tier: base.tier, minutes: base.minutes, slots: slots, note: note)
        let checked = try input.checked(wants: [type], offers: [type], defaultTier: .tier2, finder: finder, now: now)
        let m = Self.model(
            candidate: base.candidate, interviewer: base.interviewer, by: userID, checked, booking: base.booking, replaces: old?.id,
            now: now)
        let answered = old?.id
        try await db.transaction { db in
            if let answered { try await Self.claim(answered, as: .countered, now: now, on: db) }
            try await m.create(on: db)
        }
        return m
    }

    /// Declines a request waiting for the user's answer.
    public func decline(_ id: UUID, now: Date = Date()) async throws {
        let r = try await find(id)
        guard r.proposedBy != userID else { throw MockLoopError(.conflict, "You proposed these times: withdraw the request instead.") }
        try await Self.claim(id, as: .declined, now: now, on: db)
    }

    /// Withdraws a request the user made while it waits.
    public func withdraw(_ id: UUID, now: Date = Date()) async throws {
        let r = try await find(id)
        guard r.proposedBy == userID else { throw MockLoopError(.conflict, "This request waits for your answer: decline it instead.") }
        try await Self.claim(id, as: .withdrawn, now: now, on: db)
    }

    /// Accepts one of a request's times: a new booking (the candidate's planned session and its
    /// room, the interviewer's seat theirs) or, for a move, the booking at its new time.
    public func accept(_ id: UUID, slot: Date, now: Date = Date()) async throws -> BookingModel {
        let r = try await find(id)
        guard r.proposedBy != userID else { throw MockLoopError(.conflict, "You proposed these times: the other person chooses.") }
        guard r.slotDates.contains(slot) else { throw MockLoopError.invalid("slot", "choose one of the times offered") }
        guard slot > now else { throw MockLoopError.invalid("slot", "this time has passed: propose others") }
        return try await db.transaction { db in
            try await Self.claim(id, as: .accepted, now: now, on: db)
            if let clash = try await BookingRepository.clash(
                [r.candidateID, r.interviewerID], start: slot, minutes: r.minutes, except: r.bookingID, on: db)
            {
                let who = clash.candidateID == userID || clash.interviewerID == userID ? "You have" : "They have"
                throw MockLoopError(.conflict, "\(who) another mock booked then (from \(MockRequestInput.text(clash.startAt))).")
            }
            let booking = try await Self.book(r, at: slot, now: now, on: db)
            r.bookingID = booking.id
            r.status = MockRequestModel.Status.accepted.rawValue
            r.answeredAt = now
            try await r.update(on: db)
            return booking
        }
    }

    static func book(_ r: MockRequestModel, at slot: Date, now: Date, on db: Database) async throws -> BookingModel {
        if let moving = r.bookingID {
            guard let b = try await BookingModel.find(moving, on: db), b.status == BookingModel.Status.booked.rawValue else {
                throw MockLoopError(.conflict, "This mock was cancelled: it cannot move.")
            }
            b.startAt = slot
            b.remindedAt = nil
            b.sequence += 1
            b.updatedAt = now
            try await b.update(on: db)
            if let session = b.sessionID {
                try await SessionModel.query(on: db).filter(\.$id == session).set(\.$startedAt, to: slot).update()
            }
            if let room = b.roomID {
                try await RoomModel.query(on: db).filter(\.$id == room)
                    .set(\.$expiresAt, to: slot.addingTimeInterval(BookingRepository.roomLifetime)).update()
            }
            return b
        }
        let type = InterviewType(rawValue: r.type) ?? .coding
        let tier = CompanyTier(rawValue: r.tier)
        let level = try await PartnerProfileModel.query(on: db).filter(\.$userID == r.candidateID).first()
            .flatMap { try? JSONDecoder().decode(PartnerProfileInput.self, from: Data($0.body.utf8)).level }.flatMap(Level.init(rawValue:))
        let handle = try await PartnerProfileModel.query(on: db).filter(\.$userID == r.interviewerID).first()?.handle
        let question = try await Self.question(type: type, tier: tier, level: level, for: r.candidateID, on: db)
        let entry = try await SessionRepository(db: db, userID: r.candidateID).create(
            SessionPlan(type: type, mode: .peer, questionId: question, interviewer: handle, tier: tier, level: level, date: slot), now: now)
        let (room, _) = try await RoomRepository(db: db).create(
            RoomPlan(sessionId: entry.id.uuidString, minutes: r.minutes), candidate: r.candidateID, now: now)
        room.interviewerID = r.interviewerID
        room.expiresAt = slot.addingTimeInterval(BookingRepository.roomLifetime)
        try await room.update(on: db)
        let b = BookingModel()
        b.id = UUID()
        b.candidateID = r.candidateID
        b.interviewerID = r.interviewerID
        b.type = r.type
        b.tier = r.tier
        b.startAt = slot
        b.minutes = r.minutes
        b.status = BookingModel.Status.booked.rawValue
        b.sequence = 0
        b.uid = "\(try b.requireID().uuidString.lowercased())@mockloop"
        b.sessionID = entry.id
        b.roomID = try room.requireID()
        b.createdAt = now
        b.updatedAt = now
        try await b.create(on: db)
        return b
    }

    /// A fresh question of the type for the candidate at their tier and level, falling back to
    /// any of the type rather than failing the booking.
    static func question(type: InterviewType, tier: CompanyTier?, level: Level?, for user: UUID, on db: Database) async throws -> String {
        let questions = QuestionRepository(db: db, userID: user)
        let bank = try await questions.all(type: type)
        let picker = QuestionPicker(questions: bank)
        let seen = try await questions.seenIDs()
        let seed = UInt64.random(in: 0...UInt64.max)
        for filter in [QuestionFilter(type: type, level: level, tier: tier), QuestionFilter(type: type)] {
            if let pick = try? picker.pick(filter: filter, seen: seen, includeSeen: true, seed: seed) { return pick.question.id }
        }
        guard let any = bank.first else { throw MockLoopError.notFound("question of type \(type.rawValue)") }
        return any.id
    }

    /// Moves a waiting request to its answer, once: a second answer (from another tab or
    /// instance) finds it already answered.
    static func claim(_ id: UUID, as status: MockRequestModel.Status, now: Date, on db: Database) async throws {
        let rows = try await (db as! SQLDatabase).update(MockRequestModel.schema).set("status", to: SQLBind(status.rawValue))
            .set("answered_at", to: SQLBind(now)).where("id", .equal, SQLBind(id))
            .where("status", .equal, SQLBind(MockRequestModel.Status.pending.rawValue)).returning("id").all()
        guard !rows.isEmpty else { throw MockLoopError(.conflict, "This request has already been answered.") }
    }

    /// One of the user's requests (made or received); anyone else's, or a blocked person's, is "not found".
    public func find(_ id: UUID) async throws -> MockRequestModel {
        try await MockRequestModel.reach(id, by: userID, on: db, "request")
    }

    public func other(of r: MockRequestModel) -> UUID { r.other(of: userID) }

    /// The user's requests still waiting (theirs to answer first), and those answered in the last 30 days.
    public func all(now: Date = Date()) async throws -> [MockRequestModel] {
        let userID = userID
        let blocked = try await PartnerSafety(db: db, userID: userID).blockedEitherWay()
        return try await MockRequestModel.query(on: db)
            .group(.or) { $0.filter(\.$candidateID == userID).filter(\.$interviewerID == userID) }
            .group(.or) {
                $0.filter(\.$status == MockRequestModel.Status.pending.rawValue)
                    .filter(\.$createdAt > now.addingTimeInterval(-BookingRepository.keepCancelled))
            }
            .sort(\.$createdAt, .descending).sort(\.$id).all()
            .filter { !blocked.contains(other(of: $0)) }
    }

    func noOpenRequest(with other: UUID, handle: String) async throws {
        let userID = userID
        let open = try await MockRequestModel.query(on: db).filter(\.$status == MockRequestModel.Status.pending.rawValue)
            .group(.or) { either in
                either.group(.and) { $0.filter(\.$candidateID == userID).filter(\.$interviewerID == other) }
                either.group(.and) { $0.filter(\.$candidateID == other).filter(\.$interviewerID == userID) }
            }.count()
        guard open == 0 else {
            throw MockLoopError(.conflict, "A request between you and \(handle) is already waiting: answer or withdraw it first.")
        }
    }

    static func model(
        candidate: UUID, interviewer: UUID, by: UUID, _ c: MockRequestInput.Checked, booking: UUID?, replaces: UUID?, now: Date
    ) -> MockRequestModel {
        let m = MockRequestModel()
        m.candidateID = candidate
        m.interviewerID = interviewer
        m.proposedBy = by
        m.type = c.type.rawValue
        m.tier = c.tier.rawValue
        m.minutes = c.minutes
        m.slots = c.slots.map { String(Int($0.timeIntervalSince1970)) }.joined(separator: ",")
        m.note = c.note
        m.status = MockRequestModel.Status.pending.rawValue
        m.bookingID = booking
        m.replacesID = replaces
        m.createdAt = now
        return m
    }
}
