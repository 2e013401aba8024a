import Foundation
import MockLoopCore

/// Tells the sockets of this instance that a room has new events: the events themselves when
/// this instance stored them, or only "up to seq N" when another instance did (through
/// PostgreSQL's LISTEN/NOTIFY), and "look again" to everyone after that channel came back.
/// A socket that misses a number reads the gap from the database, so nothing depends on a
/// signal arriving.
public actor RoomHub {
    public enum Signal: Sendable {
        case stored([RoomEvent])
        case notified(Int)
        case resync
    }

    private var subscribers: [UUID: [UUID: AsyncStream<Signal>.Continuation]] = [:]

    public init() {}

    public func subscribe(_ room: UUID) -> (id: UUID, signals: AsyncStream<Signal>) {
        let (stream, continuation) = AsyncStream.makeStream(of: Signal.self, bufferingPolicy: .unbounded)
        let id = UUID()
        subscribers[room, default: [:]][id] = continuation
        return (id, stream)
    }

    public func unsubscribe(_ room: UUID, _ id: UUID) {
        subscribers[room]?.removeValue(forKey: id)?.finish()
        if subscribers[room]?.isEmpty == true { subscribers[room] = nil }
    }

    public func publish(_ room: UUID, _ signal: Signal) {
        for c in (subscribers[room] ?? [:]).values { c.yield(signal) }
    }

    public func resyncAll() {
        for room in subscribers.values { for c in room.values { c.yield(.resync) } }
    }

    public var socketCount: Int { subscribers.values.reduce(0) { $0 + $1.count } }
}
