import Foundation
import MockLoopCore
import Testing

@testable import MockLoopStore

/// The writer's cache of decoded states may only save work: a state comes back from it only for
/// the very bytes it was kept under; any other text is decoded, even text Swift calls equal.
struct RoomStateCacheTests {
    func json(_ state: RoomState) throws -> String { String(decoding: try JSONEncoder.room.encode(state), as: UTF8.self) }

    @Test func aStateComesBackOnlyForItsOwnBytes() throws {
        let cache = RoomStateCache()
        let room = UUID()
        let precomposed = RoomState(type: .coding, minutes: 45, code: "caf\u{E9}\n")
        let decomposed = RoomState(type: .coding, minutes: 45, code: "cafe\u{301}\n")
        let (a, b) = (try json(precomposed), try json(decomposed))
        #expect(a == b, "Swift compares them as equal text")
        #expect(try cache.state(room, json: a).code.utf16.count == 5)
        // Kept under the precomposed bytes; the decomposed ones must still be decoded as they are.
        #expect(try cache.state(room, json: b).code.utf16.count == 6)
        var moved = precomposed
        moved.code = "moved"
        cache.keep(room, json: try json(moved), state: moved)
        #expect(try cache.state(room, json: try json(moved)).code == "moved")
        #expect(try cache.state(room, json: a).code == precomposed.code, "an older text is decoded, not taken from the cache")
    }

    @Test func aFullCacheStartsAgain() throws {
        let cache = RoomStateCache(limit: 2)
        let state = RoomState(type: .coding, minutes: 45, code: "x")
        let text = try json(state)
        for _ in 0..<5 {
            #expect(try cache.state(UUID(), json: text) == state)
            #expect(cache.count <= 2)
        }
    }
}
