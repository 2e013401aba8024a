import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import NIOWebSocket
import Vapor
import WebSocketKit

/// One seat's connection to a room. The client says `hello` with the last event number it saw
/// and its own id; it then gets the welcome, every event after that number it may see, and
/// each new one as it is stored. Commands are carried out one at a time, in the order sent,
/// and acknowledged once stored. Every event goes through `RoomAudience.reaches` before it is
/// written to the socket: the candidate's socket never carries the interviewer's material.
actor RoomSocket {
    static let maxMessage = 96 * 1024

    let ws: WebSocket
    let roomID: UUID
    let role: RoomRole
    let name: String
    let user: UUID?
    let guestToken: String?
    let db: Database
    let services: AppServices
    let logger: Logger
    var question: Question?
    var lastSeen = 0
    var client: String?
    /// Whether this client had stored commands in the room before this socket: only then may
    /// its commands be resends, looked up before they are stored.
    var mayResend = true
    var subscription: UUID?
    var closed = false

    init(
        ws: WebSocket, roomID: UUID, role: RoomRole, name: String, user: UUID?, guestToken: String?, db: Database,
        services: AppServices, logger: Logger
    ) {
        self.ws = ws
        self.roomID = roomID
        self.role = role
        self.name = name
        self.user = user
        self.guestToken = guestToken
        self.db = db
        self.services = services
        self.logger = logger
    }

    var rooms: RoomService { RoomService(db: db, services: services) }

    /// The socket's messages in the order they came (nil for a binary one); called on the
    /// socket's event loop as it opens, where its callbacks must be set.
    nonisolated static func messages(_ ws: WebSocket) -> AsyncStream<String?> {
        let (texts, input) = AsyncStream.makeStream(of: String?.self)
        ws.onText { _, text in input.yield(text) }
        ws.onBinary { _, _ in input.yield(nil) }
        ws.onClose.whenComplete { _ in input.finish() }
        return texts
    }

    /// Reads the socket's messages in order until it closes.
    func run(_ texts: AsyncStream<String?>) async {
        for await text in texts {
            guard let text else {
                await close(.unacceptableData, "This room speaks JSON text frames only.")
                break
            }
            await receive(text)
        }
        await leave()
    }

    struct Incoming: Decodable {
        var t: String
        var room: String?
        var after: Int?
        var client: String?
    }

    func receive(_ text: String) async {
        guard let head = try? JSONDecoder().decode(Incoming.self, from: Data(text.utf8)) else {
            return send(["t": .string("error"), "message": .string("The message is not JSON with a \"t\" field.")])
        }
        if let named = head.room, UUID(uuidString: named) != roomID {
            return send(["t": .string("error"), "message": .string("This socket is for another room; open that room's own page.")])
        }
        switch head.t {
        case "hello": await hello(after: head.after ?? 0, client: head.client)
        case "cmd": await command(text)
        case "ping": send(["t": .string("pong")])
        default: send(["t": .string("error"), "message": .string("Unknown message type '\(head.t.prefix(20))'.")])
        }
    }

    func hello(after: Int, client: String?) async {
        guard self.client == nil else { return send(["t": .string("error"), "message": .string("Already said hello.")]) }
        guard let client, !client.isEmpty, client.count <= 64, client.allSatisfy(Self.idCharacter), after >= 0 else {
            return send([
                "t": .string("error"),
                "message": .string("hello needs \"client\" (an id of up to 64 letters, digits and hyphens) and \"after\" (0 or more)."),
            ])
        }
        self.client = client
        do {
            let (room, _) = try await RoomRepository(db: db).find(roomID, user: user, guestToken: guestToken)
            let question = try await rooms.question(of: room)
            self.question = question
            mayResend = try await rooms.hasStored(roomID, client: client)
            let (id, signals) = await services.roomHub.subscribe(roomID)
            subscription = id
            let welcome = try await rooms.welcome(room, role: role, question: question)
            sendEncoded(welcome)
            lastSeen = after
            try await catchUp()
            // The backlog is out: the page may now trust what it has.
            send(["t": .string("synced"), "seq": .int(lastSeen)])
            Task { [weak self] in
                for await signal in signals { await self?.deliver(signal) }
            }
            if room.endedAt == nil { try await rooms.presence(.joined, room: roomID, role: role, name: name) }
        } catch let e as MockLoopError where e.kind == .notFound {
            await close(.policyViolation, "This room is not open to you any more.")
        } catch {
            logger.report(error: error)
            await close(.unexpectedServerError, "The room could not be opened just now; the page will try again.")
        }
    }

    func command(_ text: String) async {
        guard let client, let question else {
            return send(["t": .string("error"), "message": .string("Say hello first.")])
        }
        let command: RoomCommand
        do {
            command = try JSONDecoder().decode(RoomCommand.self, from: Data(text.utf8))
        } catch {
            let cid = (try? JSONDecoder().decode(CidOnly.self, from: Data(text.utf8)))?.cid
            return send([
                "t": .string("error"), "cid": cid.map(JSONValue.int) ?? .null,
                "message": .string("The command is malformed: " + Self.problem(error)),
            ])
        }
        do {
            // The seat is checked again with every command: an expired room or a seat given back stops there.
            let result = try await rooms.perform(
                command, room: roomID, role: role, seat: .init(user: user, guestToken: guestToken), client: client, question: question,
                fresh: !mayResend)
            send(["t": .string("ack"), "cid": .int(command.cid), "seq": .int(result.events.last?.seq ?? lastSeen)])
        } catch let e as MockLoopError where e.kind == .notFound {
            await close(.policyViolation, "This room is not open to you any more.")
        } catch let e as MockLoopError {
            send([
                "t": .string("error"), "cid": .int(command.cid), "kind": .string(command.kind.rawValue), "message": .string(e.message),
                "fields": .object(e.fields.mapValues(JSONValue.string)),
            ])
        } catch {
            logger.report(error: error)
            send(["t": .string("error"), "cid": .int(command.cid), "message": .string("The room could not store that; it will be resent.")])
        }
    }

    struct CidOnly: Decodable { var cid: Int? }

    static func idCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-") }

    static func problem(_ error: Error) -> String {
        guard let e = error as? DecodingError else { return "not valid JSON" }
        let p = DecodingProblem(e)
        return [p.field, p.problem].compactMap { $0 }.joined(separator: " ")
    }

    /// A signal from the hub: events this instance stored are sent as they are when they follow
    /// on; anything else (another instance's events, a gap, a resync) is read from the database.
    func deliver(_ signal: RoomHub.Signal) async {
        guard !closed else { return }
        switch signal {
        case .stored(let events):
            guard let first = events.first, let last = events.last, last.seq > lastSeen else { return }
            if first.seq == lastSeen + 1 {
                for e in events where e.audience.reaches(role) { sendEncoded(EventFrame(e)) }
                lastSeen = last.seq
                return
            }
        case .notified(let seq):
            guard seq > lastSeen else { return }
            do { try await catchUp(reached: seq) } catch { logger.warning("room catch-up failed: \(String(reflecting: type(of: error)))") }
            return
        case .resync: break
        }
        do { try await catchUp() } catch { logger.warning("room catch-up failed: \(String(reflecting: type(of: error)))") }
    }

    /// `reached`: a number the room is known to have stored up to (a notification says it).
    func catchUp(reached known: Int? = nil) async throws {
        // How far the room is, read first: every event up to there is then in the read below, so
        // the events this seat may not see move it on without skipping any it may.
        let reached: Int
        if let known { reached = known } else { reached = try await RoomModel.find(roomID, on: db)?.lastSeq ?? 0 }
        let events = try await RoomRepository(db: db).events(roomID, after: lastSeen, for: role)
        for e in events { sendEncoded(EventFrame(e)) }
        lastSeen = max(lastSeen, events.last?.seq ?? 0, reached)
    }

    func leave() async {
        closed = true
        if let subscription { await services.roomHub.unsubscribe(roomID, subscription) }
        if client != nil, let room = try? await RoomModel.find(roomID, on: db), room.endedAt == nil {
            try? await rooms.presence(.left, room: roomID, role: role, name: name)
        }
    }

    func close(_ code: WebSocketErrorCode, _ message: String) async {
        send(["t": .string("closed"), "message": .string(message)])
        closed = true
        try? await ws.close(code: code)
    }

    func send(_ object: [String: JSONValue]) { sendEncoded(JSONValue.object(object)) }

    func sendEncoded<T: Encodable>(_ value: T) {
        guard let data = try? JSONEncoder.room.encode(value) else { return }
        ws.send(String(decoding: data, as: UTF8.self))
    }
}

/// An event as the socket sends it.
struct EventFrame: Encodable {
    var t = "event"
    var seq: Int
    var kind: RoomEvent.Kind
    var by: RoomRole?
    var at: Date
    var body: JSONValue

    init(_ e: RoomEvent) {
        seq = e.seq
        kind = e.kind
        by = e.by
        at = e.at
        body = e.body
    }
}
