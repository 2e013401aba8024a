import Foundation

/// One thing a participant asks the room to do, as sent over the room's socket:
/// `{"t":"cmd","cid":7,"kind":"note","text":"…"}`. `cid` is the sender's own number for it; the
/// room acknowledges it once stored, and a resend with the same number is stored only once.
public struct RoomCommand: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case start, pause, resume, phase, code, mark, note, hint, followup, chat, run, score, signal, draw, end, swap, rate, reflect
    }

    public var cid: Int
    public var kind: Kind
    public var text: String?
    /// A phase, a follow-up or a line, by number.
    public var index: Int?
    /// An editor change in UTF-16 units, as the browser counts: at `at`, remove `del`, insert `ins`.
    public var at: Int?
    public var del: Int?
    public var ins: String?
    public var cursor: Int?
    public var dimension: String?
    public var score: Int?
    /// WebRTC signalling and whiteboard shapes: relayed as they are, bounded in size.
    public var data: JSONValue?
    public var scores: [String: DimensionScore]?
    public var feedback: PartnerFeedback?
    /// The candidate's rating of the feedback, 1–3 each.
    public var specific: Int?
    public var honest: Int?
    /// The interviewer's own retrospective, after the end: what went well in how they ran the
    /// mock, and the one thing they will do differently next time.
    public var wentWell: String?
    public var nextTime: String?

    public init(cid: Int, kind: Kind) {
        self.cid = cid
        self.kind = kind
    }

    /// What each seat may ask; anything else is refused, whatever the client shows.
    public static func allowed(_ kind: Kind, for role: RoomRole) -> Bool {
        switch kind {
        case .code, .rate: role == .candidate
        case .chat, .run, .signal, .draw, .swap: true
        case .start, .pause, .resume, .phase, .mark, .note, .hint, .followup, .score, .end, .reflect: role == .interviewer
        }
    }

    public static let maxText = 2000
    public static let maxCode = 64 * 1024
    public static let maxData = 16 * 1024

    /// The fields the kind needs, present and within bounds; each problem names its field.
    public func validate() throws {
        var problems = FieldProblems()
        func needText(_ limit: Int = Self.maxText) {
            let t = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { problems.add("text", "is required") }
            if (text ?? "").count > limit { problems.add("text", "is longer than \(limit) characters") }
        }
        switch kind {
        case .start, .pause, .resume, .run, .end, .swap: break
        case .rate:
            if !(1...3).contains(specific ?? 0) { problems.add("specific", "must be 1, 2 or 3") }
            if !(1...3).contains(honest ?? 0) { problems.add("honest", "must be 1, 2 or 3") }
        case .phase: if index == nil { problems.add("index", "is required") }
        case .code:
            if at.map({ $0 < 0 }) ?? true { problems.add("at", "must be a position, 0 or more") }
            if del.map({ $0 < 0 }) ?? true { problems.add("del", "must be a count, 0 or more") }
            if (ins ?? "").utf16.count > Self.maxCode { problems.add("ins", "is longer than the editor holds") }
        case .mark:
            if index.map({ $0 < 1 }) ?? true { problems.add("index", "must be a line number, 1 or more") }
            if (text ?? "").count > Self.maxText { problems.add("text", "is longer than \(Self.maxText) characters") }
        case .note, .hint, .chat: needText()
        case .followup:
            if index == nil, text == nil { problems.add("index", "name a follow-up by number, or type one") }
            if text != nil { needText() }
        case .score:
            if (dimension ?? "").isEmpty { problems.add("dimension", "is required") }
            if !(1...3).contains(score ?? 0) { problems.add("score", "must be 1, 2 or 3") }
            if (text ?? "").count > Self.maxText { problems.add("text", "is longer than \(Self.maxText) characters") }
        case .signal, .draw:
            if data == nil { problems.add("data", "is required") }
        case .reflect:
            for (field, value) in [("wentWell", wentWell), ("nextTime", nextTime)] {
                if (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.add(field, "is required") }
                if (value ?? "").count > Self.maxText { problems.add(field, "is longer than \(Self.maxText) characters") }
            }
        }
        if let data, let size = try? JSONEncoder().encode(data).count, size > Self.maxData {
            problems.add("data", "is larger than \(Self.maxData) bytes")
        }
        try problems.check()
    }
}
