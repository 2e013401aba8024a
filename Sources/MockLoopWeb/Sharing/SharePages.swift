import Foundation
import MockLoopCore
import MockLoopStore

/// `/shares`: the owner's links, each with what it opens, its expiry and every opening.
struct SharesPage: Encodable {
    struct Row: Encodable {
        var id, kind, what, created, expires: String
        var expired: Bool
        var openings: [String]
    }

    var title = "Share links"
    var rows: [Row]
    /// A link just made: its only showing.
    var newLink: String?
    var newKind: String?
}

/// What a partner sees through a partner kit: the question with what only the interviewer
/// should see, the rubric, and the scoring form (or the scores already given).
struct PartnerKitPage: Encodable {
    struct Dim: Encodable {
        var key, name, question, score1, score2, score3: String
        var chosen: Int
        var note: String
    }

    var title = "Partner kit"
    var owner: String
    var type: String
    var questionTitle: String?
    var prompt: String?
    var followUps, hints, keyPoints: [String]
    var rubricName: String
    var dimensions: [Dim]
    var token: String
    /// The three feedback questions: field name and words.
    var questions: [FeedbackQuestion]
    var name: String
    var errors: [String: String] = [:]
    var scored: Bool
    var thanks: Bool
}

struct FeedbackQuestion: Encodable {
    var field, text, answer: String
}

/// A finished session, read-only, for a mentor: scores by dimension with notes, the fix and drill.
struct ScorecardPage: Encodable {
    struct Row: Encodable {
        var name: String
        var score: Int?
        var selfScore: Int?
        var note: String
    }

    var title = "Scorecard"
    var owner, type, date, mode: String
    var questionTitle: String?
    var interviewer: String?
    var rows: [Row]
    var fix: String?
    var fixDimension: String?
    var drill: String?
    var wentWell: String?
    var wentWrong: String?
}
