import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import Testing

/// The room writer puts many commands of many rooms in one transaction. Whatever mix arrives at
/// once — accepted and refused, from both seats, resends among them — every room must come out
/// as if its commands had been written one by one: numbers 1…n without a gap or a repeat, the
/// room's own count at n, its code the sum of its code events, each resend stored once — also a
/// resend wrongly sent as fresh (not looked up), which the unique key must catch.
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
                var sends: [(UUID, RoomRole, RoomCommand, String, Bool)] = []
                for n in 0..<30 {
                    let room = rooms.randomElement(using: &rng)!
                    let role = RoomRole.allCases.randomElement(using: &rng)!
                    var c = RoomCommand(cid: round * 100 + n, kind: [.chat, .code, .note, .hint, .start].randomElement(using: &rng)!)
                    c.text = Bool.random(using: &rng) ? "words" : ""
                    c.at = 0
                    c.del = 0
                    c.ins = "x\n"
                    sends.append((room, role, c, "\(role.rawValue):\(c.cid)", Bool.random(using: &rng)))
                    if n % 7 == 0 { sends.append(sends.last!) }
                }
                let now = Date()
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    for (room, role, command, key, fresh) in sends {
                        tasks.addTask {
                            _ = try? await writer.append(room, clientKey: key, by: role, now: now, fresh: fresh) { state, _ in
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

    /// A notification carries the events when they fit under PostgreSQL's limit, and only the
    /// number otherwise; either way it reads back as it was said.
    @Test func notificationsCarryEventsThatFit() throws {
        let room = UUID()
        let instance = UUID()
        let small = [RoomEvent(seq: 7, kind: .code, audience: .both, by: .candidate, at: Date(), body: .object(["ins": .string("a:b")]))]
        let said = RoomRepository.notification(room: room, seq: 7, instance: instance, events: small)
        let read = try #require(RoomRepository.notification(said))
        #expect(read.room == room && read.seq == 7 && read.instance == instance.uuidString)
        #expect(read.events?.map(\.seq) == [7] && read.events?.first?.body == small[0].body)
        let big = [
            RoomEvent(seq: 8, kind: .code, audience: .both, by: .candidate, at: Date(), body: .string(String(repeating: "é", count: 4_000)))
        ]
        let plain = RoomRepository.notification(room: room, seq: 8, instance: nil, events: big)
        #expect(plain.utf8.count < 8_000)
        let readPlain = try #require(RoomRepository.notification(plain))
        #expect(readPlain.seq == 8 && readPlain.events == nil && readPlain.instance == "-")
        #expect(RoomRepository.notification("not-a-room:1:x") == nil)
    }
}
