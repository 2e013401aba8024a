import MockLoopCore

/// The rows insights are summed from, read the same way whether they come straight from the
/// sessions (one day, when a roll-up is refreshed) or from the daily roll-ups (a window).
/// PostgreSQL sums BIGINT columns as NUMERIC, so every SUM behind these is cast back to BIGINT.
struct CountsRow: Decodable {
    var sessions, scored, rated, mediumHard, repeats, wentEasy, ai, qualifying: Int?
    enum CodingKeys: String, CodingKey {
        case sessions, scored, rated
        case mediumHard = "medium_hard"
        case repeats
        case wentEasy = "went_easy"
        case ai, qualifying
    }

    static let columns = ["sessions", "scored", "rated", "medium_hard", "repeats", "went_easy", "ai", "qualifying"]

    var aggregate: WindowAggregate {
        var a = WindowAggregate()
        a.sessions = sessions ?? 0
        a.scoredSessions = scored ?? 0
        a.withDifficulty = rated ?? 0
        a.mediumHard = mediumHard ?? 0
        a.repeats = repeats ?? 0
        a.wentEasy = wentEasy ?? 0
        a.aiSessions = ai ?? 0
        a.qualifying = qualifying ?? 0
        return a
    }
}

/// One dimension's interviewer-score sums, split AI / human, with the self-score gap.
struct TallyRow: Decodable {
    var dimension: String
    var n, total, ones, aiN, aiTotal, humanN, humanTotal, selfN, selfGap: Int?
    enum CodingKeys: String, CodingKey {
        case dimension, n, total, ones
        case aiN = "ai_n"
        case aiTotal = "ai_total"
        case humanN = "human_n"
        case humanTotal = "human_total"
        case
            selfN = "self_n"
        case selfGap = "self_gap"
    }

    static let columns = ["n", "total", "ones", "ai_n", "ai_total", "human_n", "human_total", "self_n", "self_gap"]

    var tally: WindowAggregate.Tally {
        var t = WindowAggregate.Tally()
        t.count = n ?? 0
        t.sum = total ?? 0
        t.ones = ones ?? 0
        t.aiCount = aiN ?? 0
        t.aiSum = aiTotal ?? 0
        t.humanCount = humanN ?? 0
        t.humanSum = humanTotal ?? 0
        t.selfPairs = selfN ?? 0
        t.selfGapSum = selfGap ?? 0
        return t
    }
}
