import Fluent
import Foundation
import MockLoopCore

/// Bookings as one of their two people sees them in a calendar. Each side is named by handle;
/// names and e-mail addresses appear only once both have agreed to show them, as on the pages.
public struct BookingCalendar {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// `roomURL`: the address of a booking's room, from the site's public address.
    public func events(_ bookings: [BookingModel], roomURL: (UUID) -> String?, now: Date = Date()) async throws -> [CalendarEvent] {
        var people: [UUID: CalendarEvent.Person] = [:]
        var out: [CalendarEvent] = []
        for b in bookings {
            for id in [b.candidateID, b.interviewerID] where people[id] == nil { people[id] = try await person(id) }
            let candidate = people[b.candidateID]!
            let interviewer = people[b.interviewerID]!
            let type = InterviewType(rawValue: b.type)?.label ?? b.type
            let mine = b.candidateID == userID
            let summary = mine ? "\(type) mock with \(interviewer.name) interviewing you" : "\(type) mock: you interview \(candidate.name)"
            let url = b.roomID.flatMap(roomURL)
            var description = [
                "\(type) mock interview, \(b.minutes) minutes (\(CompanyTier(rawValue: b.tier)?.label ?? b.tier) questions).",
                mine ? "You are the candidate; \(interviewer.name) interviews." : "You interview; \(candidate.name) is the candidate.",
            ]
            if let url { description.append("Room: \(url)") }
            if b.status == BookingModel.Status.cancelled.rawValue { description.append("Cancelled.") }
            out.append(
                CalendarEvent(
                    uid: b.uid, sequence: b.sequence,
                    status: b.status == BookingModel.Status.cancelled.rawValue ? .cancelled : .confirmed, start: b.startAt,
                    minutes: b.minutes, summary: summary, description: description.joined(separator: "\n"), url: url,
                    organizer: candidate, attendees: [candidate, interviewer], stamp: b.updatedAt))
        }
        return out
    }

    /// How a person appears to the user: themselves in full; another by handle, or by name and
    /// address once both agreed.
    public func person(_ id: UUID) async throws -> CalendarEvent.Person {
        let user = try await UserModel.find(id, on: db)
        if id == userID { return .init(name: user?.name ?? "You", email: user?.email) }
        let handle = try await PartnerProfileModel.query(on: db).filter(\.$userID == id).first()?.handle ?? "your partner"
        let reveals = try await PartnerSafety(db: db, userID: userID).reveals(with: id)
        guard reveals.mine && reveals.theirs, let user else { return .init(name: handle, email: nil) }
        return .init(name: user.name, email: user.email)
    }
}
