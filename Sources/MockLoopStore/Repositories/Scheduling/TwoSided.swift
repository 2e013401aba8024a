import Fluent
import Foundation
import MockLoopCore

/// A request or a booking: something between a candidate and an interviewer, reached by those
/// two only, and by neither once one has blocked the other.
public protocol TwoSided: Model where IDValue == UUID {
    var candidateID: UUID { get }
    var interviewerID: UUID { get }
}

extension MockRequestModel: TwoSided {}
extension BookingModel: TwoSided {}

extension TwoSided {
    /// The other side, seen from `user`.
    public func other(of user: UUID) -> UUID { candidateID == user ? interviewerID : candidateID }

    /// One of `user`'s, by id; anyone else's, or one with a blocked person, is "not found".
    static func reach(_ id: UUID, by user: UUID, on db: Database, _ what: String) async throws -> Self {
        guard let m = try await Self.find(id, on: db), m.candidateID == user || m.interviewerID == user,
            try await !PartnerSafety(db: db, userID: user).blockedEitherWay(m.other(of: user))
        else { throw MockLoopError.notFound(what) }
        return m
    }
}
