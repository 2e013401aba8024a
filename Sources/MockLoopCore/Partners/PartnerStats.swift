/// What someone has done here as a partner: the reciprocity ledger, how their feedback was
/// rated by the people they interviewed, and how often they missed a booked mock.
public struct PartnerStats: Equatable, Sendable, Codable {
    /// Mocks they interviewed in that ended.
    public var given: Int
    /// Mocks they were the candidate in, with a person interviewing, that ended.
    public var received: Int
    /// Sum of the ratings' means ((specific + honest) / 2, each 1–3) and how many there are.
    public var ratingTotal: Double
    public var ratings: Int
    public var bookings: Int
    public var noShows: Int

    public init(given: Int = 0, received: Int = 0, ratingTotal: Double = 0, ratings: Int = 0, bookings: Int = 0, noShows: Int = 0) {
        self.given = given
        self.received = received
        self.ratingTotal = ratingTotal
        self.ratings = ratings
        self.bookings = bookings
        self.noShows = noShows
    }

    public var rating: Double? { ratings == 0 ? nil : ratingTotal / Double(ratings) }

    /// "Give one, get one", as a profile shows it.
    public var ledger: String { "Gave \(given) mock\(given == 1 ? "" : "s") here, received \(received)." }

    /// Someone who has received at least two and given none only takes.
    public var onlyTakes: Bool { received >= 2 && given == 0 }
}
