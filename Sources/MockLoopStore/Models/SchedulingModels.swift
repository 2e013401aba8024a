import Fluent
import Foundation

/// A request for a mock between two partners: who is the candidate, who interviews, who
/// proposed these slots (the other one answers), and what became of it.
public final class MockRequestModel: Model, @unchecked Sendable {
    public static let schema = "mock_requests"

    public enum Status: String, Sendable, Codable {
        case pending, accepted, declined, withdrawn
        /// Answered with other slots: a new request replaces this one.
        case countered
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "candidate_id") public var candidateID: UUID
    @Field(key: "interviewer_id") public var interviewerID: UUID
    @Field(key: "proposed_by") public var proposedBy: UUID
    @Field(key: "type") public var type: String
    /// The question tier the candidate wants.
    @Field(key: "tier") public var tier: String
    @Field(key: "minutes") public var minutes: Int
    /// Start times, seconds since 1970 (UTC), comma-separated.
    @Field(key: "slots") public var slots: String
    @Field(key: "note") public var note: String
    @Field(key: "status") public var status: String
    /// A new time for this booking, when the request moves one.
    @OptionalField(key: "booking_id") public var bookingID: UUID?
    @OptionalField(key: "replaces_id") public var replacesID: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "answered_at") public var answeredAt: Date?

    public init() {}

    public var slotDates: [Date] {
        slots.split(separator: ",").compactMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
    }
}

/// A booked mock: a planned session in the candidate's log with its room, and the calendar event
/// both see (same UID throughout, sequence raised on every change).
public final class BookingModel: Model, @unchecked Sendable {
    public static let schema = "bookings"

    public enum Status: String, Sendable, Codable {
        case booked, cancelled
        /// Someone had not joined the room ten minutes after the start.
        case missed
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "candidate_id") public var candidateID: UUID
    @Field(key: "interviewer_id") public var interviewerID: UUID
    @Field(key: "type") public var type: String
    @Field(key: "tier") public var tier: String
    @Field(key: "start_at") public var startAt: Date
    @Field(key: "minutes") public var minutes: Int
    @Field(key: "status") public var status: String
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "uid") public var uid: String
    @OptionalField(key: "session_id") public var sessionID: UUID?
    @OptionalField(key: "room_id") public var roomID: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "cancelled_by") public var cancelledBy: UUID?
    /// Who had not joined by ten minutes after the start: candidate, interviewer or both.
    @OptionalField(key: "missed_by") public var missedBy: String?
    /// When presence was checked, ten minutes or more after the start.
    @OptionalField(key: "checked_at") public var checkedAt: Date?
    /// When the reminders a day ahead were queued.
    @OptionalField(key: "reminded_at") public var remindedAt: Date?

    public init() {}

    public var endAt: Date { startAt.addingTimeInterval(TimeInterval(minutes * 60)) }
}

/// The hash of a user's calendar feed token; a new feed replaces it, which revokes the old URL.
public final class CalendarFeedModel: Model, @unchecked Sendable {
    public static let schema = "calendar_feeds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
