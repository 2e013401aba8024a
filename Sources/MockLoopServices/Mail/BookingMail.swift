import Fluent
import Foundation
import MockLoopCore
import MockLoopStore

/// The mails a booking sends to its two people, each written for its reader (their side, their
/// zone, the other named by handle until both agreed to show names) with the calendar invite
/// attached: booked, moved, cancelled, and the reminder a day ahead.
public struct BookingMail {
    public enum Kind: String, Sendable {
        case booked, moved, cancelled, reminder

        var headline: String {
            switch self {
            case .booked: "Mock booked"
            case .moved: "Mock moved"
            case .cancelled: "Mock cancelled"
            case .reminder: "Reminder: mock within a day"
            }
        }
    }

    let db: Database
    let config: MailConfig
    /// The site's address, for links (the public URL when one is set).
    let base: String

    public init(db: Database, config: MailConfig, base: String) {
        self.db = db
        self.config = config
        self.base = base.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// Queues the mail of `kind` to both people, in the caller's transaction.
    public func enqueue(_ kind: Kind, _ b: BookingModel, now: Date) async throws {
        let outbox = MailOutbox(db: db)
        for reader in [b.candidateID, b.interviewerID] {
            guard let message = try await message(kind, b, to: reader, now: now) else { continue }
            try await outbox.enqueue(message, user: reader, booking: b.id, kind: kind.rawValue, now: now)
        }
    }

    func message(_ kind: Kind, _ b: BookingModel, to reader: UUID, now: Date) async throws -> MailMessage? {
        // Only to an address shown to be theirs: nobody can make this instance mail a stranger.
        guard let user = try await UserModel.find(reader, on: db), let email = user.email, !user.disabled, user.emailVerifiedAt != nil
        else { return nil }
        let base = base
        let events = try await BookingCalendar(db: db, userID: reader).events(
            [b], roomURL: { "\(base)/rooms/\($0.uuidString.lowercased())" }, now: now)
        guard let event = events.first else { return nil }
        let other = b.candidateID == reader ? b.interviewerID : b.candidateID
        let otherName = try await BookingCalendar(db: db, userID: reader).person(other).name
        let zones = try await Self.zones([reader, other], on: db)
        let when = ZonedTime.both(b.startAt, mine: zones[reader] ?? "UTC", theirs: zones[other] ?? "UTC")
        let type = InterviewType(rawValue: b.type)?.label ?? b.type
        let role = b.candidateID == reader ? "you are the candidate and \(otherName) interviews you" : "you interview \(otherName)"
        var text = ["Hello \(user.name),", ""]
        switch kind {
        case .booked: text.append("Your \(type.lowercased()) mock with \(otherName) is booked: \(role).")
        case .moved: text.append("Your \(type.lowercased()) mock with \(otherName) has moved: \(role).")
        case .cancelled: text.append("Your \(type.lowercased()) mock with \(otherName) is cancelled.")
        case .reminder: text.append("A reminder: your \(type.lowercased()) mock with \(otherName) starts within a day; \(role).")
        }
        text += ["", "When: \(when)", "Length: \(b.minutes) minutes"]
        if kind != .cancelled, let url = event.url { text.append("Room: \(url)") }
        text += ["Your bookings: \(base)/bookings", ""]
        text.append(
            kind == .cancelled
                ? "The attached cancellation removes it from your calendar."
                : "The attached invite puts it in your calendar (or keeps it up to date there).")
        text += ["", "-- ", "MockLoop"]
        let method: ICSWriter.Method = kind == .cancelled ? .cancel : .request
        let id = UUID().uuidString.lowercased()
        return MailMessage(
            from: config.from, fromName: config.fromName, to: email,
            subject: "\(kind.headline): \(type) with \(otherName), \(ZonedTime.text(b.startAt, zone: zones[reader] ?? "UTC"))",
            text: text.joined(separator: "\n"),
            attachments: [
                .init(
                    filename: kind == .cancelled ? "cancel.ics" : "invite.ics",
                    contentType: "text/calendar; method=\(method.rawValue); charset=utf-8",
                    content: ICSWriter.calendar(events, method: method))
            ], messageID: "\(id)@mockloop", date: now)
    }

    static func zones(_ ids: [UUID], on db: Database) async throws -> [UUID: String] {
        var out: [UUID: String] = [:]
        for m in try await PartnerProfileModel.query(on: db).filter(\.$userID ~~ ids).all() {
            out[m.userID] = (try? JSONDecoder().decode(PartnerProfileInput.self, from: Data(m.body.utf8)))?.timeZone
        }
        return out
    }
}
