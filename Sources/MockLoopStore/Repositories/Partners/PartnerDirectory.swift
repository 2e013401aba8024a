import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Finds partners for one user: every visible profile scored from its matching card (which
/// carries the ledger too), so ten thousand profiles cost one narrow read; only the suggestions
/// shown are explained in words.
public struct PartnerDirectory {
    let db: Database
    let userID: UUID
    let cards: PartnerCards

    /// `cards`: the instance's kept cards; without them every ranking reads and parses afresh.
    public init(db: Database, userID: UUID, cards: PartnerCards = PartnerCards()) {
        self.db = db
        self.userID = userID
        self.cards = cards
    }

    static let needProfile = MockLoopError(
        .conflict, "Make your partner profile first: suggestions need your targets, the types you want and offer, and your free times.")

    /// The best `limit` partners for the user, best first, each with its reasons.
    public func suggestions(now: Date = Date(), limit: Int = 20) async throws -> [PartnerSuggestion] {
        guard let mine = try await PartnerProfileModel.query(on: db).filter(\.$userID == userID).first(),
            let me = MatchCard(text: mine.card)
        else { throw Self.needProfile }
        let blocked = try await PartnerSafety(db: db, userID: userID).blockedEitherWay()
        let paired = try await lastPaired(now: now)
        let scorer = Self.scorer(me, now: now)
        var zones: [String: PartnerScorer.Zone] = [:]
        var scored: [(suggestion: PartnerSuggestion, card: MatchCard)] = []
        for (id, card) in try await cards.current(db).cards where id != userID && !blocked.contains(id) {
            let zone = zones[card.timeZone] ?? scorer.prepare(Self.zone(card.timeZone, now: now))
            zones[card.timeZone] = zone
            if let s = scorer.evaluate(card, userID: id, zone: zone, lastPairedDaysAgo: paired[id]) { scored.append((s, card)) }
        }
        scored.sort { PartnerScorer.before($0.suggestion, $1.suggestion) }
        return scored.prefix(limit).compactMap {
            scorer.evaluate(
                $0.card, userID: $0.suggestion.userID, zone: zones[$0.card.timeZone]!, lastPairedDaysAgo: paired[$0.suggestion.userID],
                explain: true)
        }
    }

    /// How one other person matches the user: the same score and reasons a suggestion has.
    public func match(_ other: PartnerProfile, now: Date = Date()) async throws -> PartnerSuggestion? {
        guard let mine = try await PartnerProfileModel.query(on: db).filter(\.$userID == userID).first(),
            let me = MatchCard(text: mine.card),
            let theirs = try await PartnerProfileModel.query(on: db).filter(\.$userID == other.userID).first(),
            let card = MatchCard(text: theirs.card)
        else { return nil }
        let paired = try await lastPaired(now: now)
        let scorer = Self.scorer(me, now: now)
        return scorer.evaluate(
            card, userID: other.userID, zone: scorer.prepare(Self.zone(other.timeZone, now: now)), lastPairedDaysAgo: paired[other.userID],
            explain: true)
    }

    static func scorer(_ me: MatchCard, now: Date) -> PartnerScorer {
        let myZone = zone(me.timeZone, now: now)
        return PartnerScorer(me: me, today: LocalDay.today(now), mine: me.availability.isEmpty ? nil : me.availability.free(in: myZone))
    }

    static func zone(_ identifier: String, now: Date) -> ZoneQuarters {
        let window = ZoneQuarters.window(from: now)
        return ZoneQuarters(
            zone: TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!, start: window.start, count: window.count)
    }

    /// Days since the user last had a mock with each person (rooms of the last 30 days).
    func lastPaired(now: Date) async throws -> [UUID: Int] {
        let userID = userID
        let rooms = try await RoomModel.query(on: db).filter(\.$createdAt >= now.addingTimeInterval(-30 * 86400))
            .group(.or) { $0.filter(\.$candidateID == userID).filter(\.$interviewerID == userID) }.all()
        var out: [UUID: Int] = [:]
        for room in rooms {
            guard let other = room.candidateID == userID ? room.interviewerID : room.candidateID, other != userID else { continue }
            let days = max(0, Int(now.timeIntervalSince(room.createdAt) / 86400))
            out[other] = min(out[other] ?? days, days)
        }
        return out
    }

    var sql: SQLDatabase { db as! SQLDatabase }
}
