import Fluent
import Foundation
import MockLoopCore
import SQLKit

extension RoomRepository {
    /// One command waiting to be written with others.
    public struct Pending: Sendable {
        public var roomID: UUID
        public var clientKey: String?
        public var role: RoomRole?
        public var now: Date
        public var decide: @Sendable (inout RoomState, RoomModel) throws -> [RoomEventDraft]
        /// Sent by a client that had stored nothing in the room when its socket opened, so it
        /// cannot be a resend: its key is not looked up. (Were it one after all, the unique key
        /// refuses the batch and the writer tries each command alone, looking it up.)
        public var fresh = false
    }

    /// Writes many commands, of many rooms, in a handful of statements whatever their number
    /// (inside the caller's transaction): lock and read their rooms, look up resends, apply each
    /// command in order to its room's state, insert every event, update every room, notify.
    /// Each command gets what it would get alone; one the rules refuse is refused alone.
    /// `instance`: the writer's, said with the notifications so its own listener passes them by;
    /// `states`: the writer's decoded states, so a room it wrote last is not decoded again.
    func writeBatch(
        _ batch: [Pending], instance: UUID?, states: RoomStateCache? = nil
    ) async throws -> [Result<
        RoomWriter.Result, Error
    >] {
        let sql = db as! SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        let ids = Array(Set(batch.map(\.roomID))).sorted { $0.uuidString < $1.uuidString }
        let columns = "id, session_id, candidate_id, interviewer_id, guest_hash, state, last_seq, expires_at, ended_at"
        // Rows are locked in one order on PostgreSQL, so two instances' batches never wait in a
        // circle; SQLite has one writer, taken here by the first write.
        let rows =
            postgres
            ? try await sql.raw("SELECT \(unsafeRaw: columns) FROM rooms WHERE id IN (\(binds: ids)) ORDER BY id FOR UPDATE").all()
            : try await sql.raw("UPDATE rooms SET last_seq = last_seq WHERE id IN (\(binds: ids)) RETURNING \(unsafeRaw: columns)").all()
        // `read`: where each room stood before this batch; `reached`: where its commands took it.
        var rooms: [UUID: (model: RoomModel, state: RoomState, read: Int, wasEnded: Bool, reached: Int)] = [:]
        for row in rows {
            let m = try Self.room(row)
            rooms[m.id!] = (m, try states?.state(m.id!, json: m.state) ?? Self.state(m), m.lastSeq, m.endedAt != nil, m.lastSeq)
        }
        let keys = batch.filter { !$0.fresh }.compactMap(\.clientKey)
        var stored: [String: RoomEvent] = [:]
        if !keys.isEmpty {
            for e in try await RoomEventModel.query(on: db).filter(\.$roomID ~~ ids).filter(\.$clientKey ~~ keys).all() {
                if let key = e.clientKey { stored["\(e.roomID):\(key)"] = try Self.event(e) }
            }
        }
        var results: [Result<RoomWriter.Result, Error>] = []
        var inserts: [(UUID, RoomEvent, String?)] = []
        for job in batch {
            let key = job.clientKey.map { "\(job.roomID):\($0)" }
            if let key, let first = stored[key] {
                results.append(.success(([first], true)))
                continue
            }
            guard var room = rooms[job.roomID] else {
                results.append(.failure(MockLoopError.notFound("room")))
                continue
            }
            do {
                room.model.lastSeq = room.reached
                let drafts = try job.decide(&room.state, room.model)
                let events = drafts.enumerated().map { i, d in
                    RoomEvent(seq: room.reached + i + 1, kind: d.kind, audience: d.audience, by: job.role, at: job.now, body: d.body)
                }
                for (i, e) in events.enumerated() { inserts.append((job.roomID, e, i == 0 ? job.clientKey : nil)) }
                room.reached += events.count
                if room.state.ended, room.model.endedAt == nil { room.model.endedAt = job.now }
                rooms[job.roomID] = room
                if let key, let first = events.first { stored[key] = first }
                results.append(.success((events, false)))
            } catch let e as MockLoopError {
                results.append(.failure(e))
            }
        }
        guard !inserts.isEmpty else { return results }
        let insert = sql.insert(into: RoomEventModel.schema).columns(
            "id", "room_id", "seq", "kind", "audience", "by_role", "client_key", "body", "at")
        var news: [UUID: [RoomEvent]] = [:]
        for (room, e, key) in inserts {
            insert.values(
                SQLBind(UUID()), SQLBind(room), SQLBind(e.seq), SQLBind(e.kind.rawValue), SQLBind(e.audience.rawValue),
                SQLBind(e.by?.rawValue), SQLBind(key), SQLBind(String(decoding: try JSONEncoder.room.encode(e.body), as: UTF8.self)),
                SQLBind(e.at))
            news[room, default: []].append(e)
        }
        let moved = try rooms.filter { $0.value.reached > $0.value.read || ($0.value.model.endedAt != nil && !$0.value.wasEnded) }
            .sorted { $0.key.uuidString < $1.key.uuidString }
            .map { Moved(id: $0.key, seq: $0.value.reached, state: try Self.encode($0.value.state), endedAt: $0.value.model.endedAt) }
        for room in moved { states?.keep(room.id, json: room.state, state: rooms[room.id]!.state) }
        if postgres {
            // One round trip for the events, the rooms and the notifications (delivered on commit
            // to every instance listening, this one too).
            let payloads = moved.map { Self.notification(room: $0.id, seq: $0.seq, instance: instance, events: news[$0.id] ?? []) }
            try await sql.raw(
                "WITH stored AS (\(insert.query)), moved AS (\(Self.update(moved))) SELECT pg_notify(\(bind: Self.channel), p) FROM unnest(\(bind: payloads)) AS p"
            ).run()
        } else {
            // SQLite runs in this process (no round trips) and counts its binds: rooms in chunks.
            try await insert.run()
            for chunk in stride(from: 0, to: moved.count, by: 200).map({ Array(moved[$0..<min($0 + 200, moved.count)]) }) {
                try await sql.raw(Self.update(chunk)).run()
            }
        }
        return results
    }

    /// A room the batch moved on: its new number, state and end.
    struct Moved {
        var id: UUID
        var seq: Int
        var state: String
        var endedAt: Date?
    }

    /// One statement that moves every room of `moved` on.
    static func update(_ moved: [Moved]) -> SQLQueryString {
        /// "CASE id WHEN <room> THEN <its value> … END", one column's new values.
        func column(_ value: (Moved) -> any Encodable & Sendable) -> SQLQueryString {
            var sql = SQLQueryString("CASE id")
            for room in moved {
                sql.appendInterpolation(unsafeRaw: " WHEN ")
                sql.appendInterpolation(bind: room.id)
                sql.appendInterpolation(unsafeRaw: " THEN ")
                sql.appendInterpolation(bind: value(room))
            }
            sql.appendInterpolation(unsafeRaw: " END")
            return sql
        }
        return """
            UPDATE rooms SET last_seq = \(column { $0.seq }), state = \(column { $0.state }), ended_at = \(column { $0.endedAt }) \
            WHERE id IN (\(binds: moved.map(\.id)))
            """
    }

    /// PostgreSQL refuses a notification of 8,000 bytes or more; events that would not fit stay
    /// behind, and the listening instances read them from the database.
    static let notificationLimit = 7_800

    /// "<room>:<seq>:<instance>[:<events as JSON>]": the events themselves when they fit, so the
    /// other instances' sockets need not read them back.
    public static func notification(room: UUID, seq: Int, instance: UUID?, events: [RoomEvent]) -> String {
        let head = "\(room.uuidString):\(seq):\(instance?.uuidString ?? "-")"
        guard let json = try? JSONEncoder.room.encode(events), head.utf8.count + 1 + json.count < notificationLimit else { return head }
        return head + ":" + String(decoding: json, as: UTF8.self)
    }

    /// A notification read back: nil for one that is not a room's, or that `instance` (the
    /// reader's own) sent; its events are decoded only then.
    public static func notification(
        _ payload: String, from instance: String? = nil
    ) -> (
        room: UUID, seq: Int, instance: String, events: [RoomEvent]?
    )? {
        let parts = payload.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, let room = UUID(uuidString: String(parts[0])), let seq = Int(parts[1]), parts[2] != instance ?? ""
        else { return nil }
        let events = parts.count == 4 ? try? JSONDecoder.room.decode([RoomEvent].self, from: Data(parts[3].utf8)) : nil
        return (room, seq, String(parts[2]), events)
    }

    /// A room as the batch reads it: what the rules and the seat check need.
    static func room(_ row: SQLRow) throws -> RoomModel {
        let m = RoomModel()
        m.id = try row.decode(column: "id", as: UUID.self)
        m.sessionID = try row.decode(column: "session_id", as: UUID.self)
        m.candidateID = try row.decode(column: "candidate_id", as: UUID.self)
        m.interviewerID = try row.decode(column: "interviewer_id", as: UUID?.self)
        m.guestHash = try row.decode(column: "guest_hash", as: String?.self)
        m.state = try row.decode(column: "state", as: String.self)
        m.lastSeq = try row.decode(column: "last_seq", as: Int.self)
        m.expiresAt = try row.decode(column: "expires_at", as: Date.self)
        m.endedAt = try row.decode(column: "ended_at", as: Date?.self)
        return m
    }
}
