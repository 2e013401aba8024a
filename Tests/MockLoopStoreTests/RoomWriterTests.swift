import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import Testing

/// The room writer puts many commands of many rooms in one transaction. Whatever mix arrives at
/// once — accepted and refused, from both seats, resends among them — every room must come out
/// as if its commands had been written one by one: numbers 1…n without a gap or a repeat, the
/// room's own count at n, its code the sum of its code events, each resend stored once.
@Suite(.serialized)
struct RoomWriterTests {
    @Test(arguments: TestDatabase.available)
    func batchesKeepEveryRoomWhole(_ kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let repo = RoomRepository(db: db)
            var rooms: [UUID] = []
            for _ in 0..<6 {
                rooms.append(try await repo.create(RoomPlan(questionId: "balanced-brackets"), candidate: owner).room.requireID())
            }
            let question = try await QuestionRepository(db: db, userID: owner).find("balanced-brackets").question
            let writer = RoomWriter(db: db)
            var rng = SeededGenerator(seed: 42)
            for round in 0..<12 {
                // One round: many commands at once, a few of them sent twice under one key.
                var sends: [(UUID, RoomRole, RoomCommand, String)] = []
                for n in 0..<30 {
                    let room = rooms.randomElement(using: &rng)!
                    let role = RoomRole.allCases.randomElement(using: &rng)!
                    var c = RoomCommand(cid: round * 100 + n, kind: [.chat, .code, .note, .hint, .start].randomElement(using: &rng)!)
                    c.text = Bool.random(using: &rng) ? "words" : ""
                    c.at = 0
                    c.del = 0
                    c.ins = "x\n"
                    sends.append((room, role, c, "\(role.rawValue):\(c.cid)"))
                    if n % 7 == 0 { sends.append(sends.last!) }
                }
                let now = Date()
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    for (room, role, command, key) in sends {
                        tasks.addTask {
                            _ = try? await writer.append(room, clientKey: key, by: role, now: now) { state, _ in
                                try state.apply(command, by: role, question: question, now: now)
                            }
                        }
                    }
                    try await tasks.waitForAll()
                }
            }
            let (transactions, commands) = await (writer.transactions, writer.commands)
            #expect(transactions < commands, "commands went together")
            for room in rooms {
                let m = try #require(try await RoomModel.find(room, on: db))
                let events = try await repo.allEvents(room, for: .interviewer) + (try await repo.allEvents(room, for: .candidate))
                let seqs = Set(events.map(\.seq)).sorted()
                #expect(seqs == Array(1...m.lastSeq), "numbers 1…n, no gap, no repeat")
                var code = ""
                for e in try await repo.allEvents(room, for: .candidate) where e.kind == .code {
                    guard case .object(let o) = e.body, case .int(let at)? = o["at"], case .int(let del)? = o["del"],
                        case .string(let ins)? = o["ins"]
                    else { continue }
                    var units = Array(code.utf16)
                    units.replaceSubrange(at..<(at + del), with: Array(ins.utf16))
                    code = String(decoding: units, as: UTF16.self)
                }
                #expect(try RoomRepository.state(m).code == code, "the code is the sum of its events")
                let keys = try await RoomEventModel.query(on: db).filter(\.$roomID == room).filter(\.$clientKey != nil).all().compactMap(
                    \.clientKey)
                #expect(keys.count == Set(keys).count, "a resend is stored once")
            }
        }
    }
}
