import Foundation

/// One stored happening of a live room, numbered by the database so every instance agrees on
/// the order. Clients apply events in `seq` order and resume from the last number they saw.
public struct RoomEvent: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case clock, prompt, code, mark, note, hint, followup, chat, run, score, signal, draw, joined, left, ended, swapped, rated,
            reflected
    }

    public var seq: Int
    public var kind: Kind
    public var audience: RoomAudience
    public var by: RoomRole?
    public var at: Date
    public var body: JSONValue

    public init(seq: Int, kind: Kind, audience: RoomAudience, by: RoomRole?, at: Date, body: JSONValue) {
        self.seq = seq
        self.kind = kind
        self.audience = audience
        self.by = by
        self.at = at
        self.body = body
    }
}

/// An event before the database has numbered it.
public struct RoomEventDraft: Sendable, Equatable {
    public var kind: RoomEvent.Kind
    public var audience: RoomAudience
    public var body: JSONValue

    public init(_ kind: RoomEvent.Kind, to audience: RoomAudience, _ body: JSONValue) {
        self.kind = kind
        self.audience = audience
        self.body = body
    }
}
