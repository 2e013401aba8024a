import Foundation
import MockLoopCore

/// The rooms' states as last decoded or written by this instance's writer, each under the exact
/// JSON it was read from or written as. A room read back with the same bytes is not decoded
/// again; any other text (another instance wrote, a transaction rolled back) is decoded as
/// usual, so the cache can only save work, never change a result.
public final class RoomStateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var states: [UUID: (json: String, state: RoomState)] = [:]
    /// Enough for every room of a busy instance; past it the cache starts again.
    let limit: Int

    public init(limit: Int = 20_000) { self.limit = limit }

    func state(_ room: UUID, json: String) throws -> RoomState {
        let known = lock.withLock { states[room] }
        if let known, known.json.utf8.elementsEqual(json.utf8) { return known.state }
        let state = try JSONDecoder.room.decode(RoomState.self, from: Data(json.utf8))
        keep(room, json: json, state: state)
        return state
    }

    var count: Int { lock.withLock { states.count } }

    func keep(_ room: UUID, json: String, state: RoomState) {
        lock.withLock {
            if states.count >= limit, states[room] == nil { states.removeAll(keepingCapacity: true) }
            states[room] = (json, state)
        }
    }
}
