import Foundation

/// What a live room holds between events, stored with the room (not in one server's memory):
/// the clock, the candidate's code, the hints given. `apply` is the room's rule book: it checks a
/// command against the seat that sent it and the state, and says which events to store and who
/// may see each. The sandbox run and the end of the mock need the services and are done there.
public struct RoomState: Codable, Sendable, Equatable {
    public var clock: RoomClock
    public var code: String
    public var cursor: Int
    public var language: Language?
    public var hints: Int
    public var followUps: Int

    public init(type: InterviewType, minutes: Int, code: String = "", language: Language? = nil) {
        clock = RoomClock(type: type, minutes: minutes)
        self.code = code
        cursor = 0
        self.language = language
        hints = 0
        followUps = 0
    }

    public var ended: Bool { clock.endedAt != nil }

    /// The events a command leads to, with the state moved on; throws (naming the field) when
    /// the seat may not do it or the command does not fit the room as it stands.
    public mutating func apply(_ command: RoomCommand, by role: RoomRole, question: Question, now: Date) throws -> [RoomEventDraft] {
        guard RoomCommand.allowed(command.kind, for: role) else {
            throw MockLoopError(.forbidden, "the \(role.rawValue) cannot '\(command.kind.rawValue)' in a room")
        }
        try command.validate()
        if ended, ![.chat, .reflect].contains(command.kind) { throw MockLoopError(.conflict, "this mock has ended") }
        let stamp = JSONValue.double((clock.elapsed(at: now) * 10).rounded() / 10)
        switch command.kind {
        case .start:
            try clock.start(at: now)
            return [
                clockEvent(),
                RoomEventDraft(.prompt, to: .both, .object(["title": .string(question.title), "prompt": .string(question.prompt)])),
            ]
        case .pause:
            try clock.pause(at: now)
            return [clockEvent()]
        case .resume:
            try clock.resume(at: now)
            return [clockEvent()]
        case .phase:
            try clock.move(to: command.index ?? 0)
            return [clockEvent()]
        case .code:
            try edit(at: command.at ?? 0, delete: command.del ?? 0, insert: command.ins ?? "")
            cursor = min(max(0, command.cursor ?? cursor), code.utf16.count)
            return [
                RoomEventDraft(
                    .code, to: .both,
                    .object([
                        "at": .int(command.at ?? 0), "del": .int(command.del ?? 0), "ins": .string(command.ins ?? ""),
                        "cursor": .int(cursor),
                    ]))
            ]
        case .mark:
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false).count
            guard let line = command.index, line <= max(1, lines) else {
                throw MockLoopError.invalid("index", "the code has \(lines) line\(lines == 1 ? "" : "s")")
            }
            return [RoomEventDraft(.mark, to: .both, .object(["line": .int(line), "text": .string(command.text ?? ""), "clock": stamp]))]
        case .note:
            return [RoomEventDraft(.note, to: .interviewer, .object(["text": .string(command.text ?? ""), "clock": stamp]))]
        case .hint:
            hints += 1
            return [RoomEventDraft(.hint, to: .both, .object(["text": .string(command.text ?? ""), "n": .int(hints), "clock": stamp]))]
        case .followup:
            let text: String
            if let typed = command.text {
                text = typed
            } else if let i = command.index, question.followUps.indices.contains(i) {
                text = question.followUps[i]
            } else {
                throw MockLoopError.invalid("index", "the question has \(question.followUps.count) follow-ups")
            }
            followUps += 1
            return [RoomEventDraft(.followup, to: .both, .object(["text": .string(text), "clock": stamp]))]
        case .chat:
            return [RoomEventDraft(.chat, to: .both, .object(["text": .string(command.text ?? ""), "clock": stamp]))]
        case .score:
            return [
                RoomEventDraft(
                    .score, to: .interviewer,
                    .object([
                        "dimension": .string(command.dimension ?? ""), "score": .int(command.score ?? 0),
                        "text": .string(command.text ?? ""),
                    ]))
            ]
        case .signal:
            return [RoomEventDraft(.signal, to: .only(role.other), command.data ?? .null)]
        case .draw:
            return [RoomEventDraft(.draw, to: .both, command.data ?? .null)]
        case .reflect:
            // The interviewer's own retrospective: theirs alone; a later one replaces it.
            guard ended else { throw MockLoopError(.conflict, "Write your retrospective once the mock has ended.") }
            return [
                RoomEventDraft(
                    .reflected, to: .interviewer,
                    .object(["wentWell": .string(command.wentWell ?? ""), "nextTime": .string(command.nextTime ?? "")]))
            ]
        case .run, .end, .swap, .rate:
            throw MockLoopError(.invalid, "'\(command.kind.rawValue)' is carried out by the room service")
        }
    }

    public func clockEvent() -> RoomEventDraft {
        let data = (try? JSONEncoder.room.encode(clock)) ?? Data()
        return RoomEventDraft(.clock, to: .both, (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .null)
    }

    /// Applies one editor change, counted in UTF-16 units as the browser counts.
    mutating func edit(at: Int, delete: Int, insert: String) throws {
        var units = Array(code.utf16)
        guard at <= units.count, at + delete <= units.count else {
            throw MockLoopError.invalid("at", "the change reaches past the end of the code (\(units.count) characters)")
        }
        // A change may not cut a character in two (an emoji is two UTF-16 units).
        for edge in [at, at + delete] where edge < units.count && UTF16.isTrailSurrogate(units[edge]) {
            throw MockLoopError.invalid("at", "the change cuts a character in two")
        }
        units.replaceSubrange(at..<(at + delete), with: Array(insert.utf16))
        guard units.count <= RoomCommand.maxCode else {
            throw MockLoopError.invalid("ins", "the code would be longer than \(RoomCommand.maxCode) characters")
        }
        code = String(decoding: units, as: UTF16.self)
    }
}

extension JSONEncoder {
    /// Room state and events: dates as ISO 8601 with milliseconds, as browsers parse them.
    public static var room: JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(RoomDates.format(date))
        }
        e.outputFormatting = [.sortedKeys]
        return e
    }
}

extension JSONDecoder {
    public static var room: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let s = try c.decode(String.self)
            guard let date = RoomDates.parse(s) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 date: \(s)")
            }
            return date
        }
        return d
    }
}

/// ISO 8601 with milliseconds, UTC.
public enum RoomDates {
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    public static func parse(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
