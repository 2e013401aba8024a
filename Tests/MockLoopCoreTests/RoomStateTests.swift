import Foundation
import Testing

@testable import MockLoopCore

/// The room's rule book, over many generated commands from both seats.
struct RoomStateTests {
    static let question = Question(
        id: "q", type: .coding, title: "Q", prompt: "Solve it.", difficulty: .medium, topics: [], levels: [], tiers: [],
        underspecified: false, followUps: ["FOLLOWUP-CANARY"], hints: ["HINT-CANARY"], keyPoints: ["KEYPOINT-CANARY"])

    static func randomCommand(_ rng: inout SeededGenerator, cid: Int, code: String) -> RoomCommand {
        var c = RoomCommand(cid: cid, kind: RoomCommand.Kind.allCases.randomElement(using: &rng)!)
        let length = code.utf16.count
        c.at = Int.random(in: 0...(length + 2), using: &rng)
        c.del = Int.random(in: 0...3, using: &rng)
        c.ins = ["", "a", "é", "\n", "😀", "if x:\n  y"].randomElement(using: &rng)!
        c.text = ["note", "", "NOTE-CANARY"].randomElement(using: &rng)!
        c.index = Int.random(in: -1...8, using: &rng)
        c.dimension = "x"
        c.score = Int.random(in: 0...4, using: &rng)
        c.data = Bool.random(using: &rng) ? .object(["shape": .string("box")]) : nil
        c.wentWell = ["", "kept to time"].randomElement(using: &rng)!
        c.nextTime = ["", "ask for the complexity sooner"].randomElement(using: &rng)!
        return c
    }

    /// Whatever either seat sends, in any order: the candidate only ever gets to do what the
    /// candidate may, what only the interviewer may see is stored for the interviewer alone, the
    /// code is the sum of the code events applied as a browser applies them (UTF-16), and the
    /// clock never runs backwards nor counts a pause. Now and then the mock ends (as the room
    /// service ends it): after that only the chat and the interviewer's own retrospective go on.
    @Test func rulesHoldForAnySequence() throws {
        var retrospectives = 0
        for seed in 1...300 {
            var rng = SeededGenerator(seed: UInt64(seed))
            var state = RoomState(type: .coding, minutes: 45, code: "start\n")
            var browserCode = Array("start\n".utf16)
            var now = Date(timeIntervalSince1970: 1_800_000_000)
            var lastElapsed = 0.0
            for cid in 1...60 {
                let role = RoomRole.allCases.randomElement(using: &rng)!
                let command = Self.randomCommand(&rng, cid: cid, code: state.code)
                now += Double.random(in: 0...30, using: &rng)
                if !state.ended, Int.random(in: 0..<40, using: &rng) == 0 { state.clock.end(at: now) }
                let before = state
                do {
                    let events = try state.apply(command, by: role, question: Self.question, now: now)
                    #expect(RoomCommand.allowed(command.kind, for: role), "seed \(seed): \(role) did \(command.kind)")
                    #expect(!before.ended || [.chat, .reflect].contains(command.kind), "seed \(seed): \(command.kind) after the end")
                    #expect(command.kind != .reflect || before.ended, "seed \(seed): a retrospective before the end")
                    if command.kind == .reflect { retrospectives += 1 }
                    for e in events {
                        let body = String(decoding: try JSONEncoder.room.encode(e.body), as: UTF8.self)
                        if e.audience.reaches(.candidate) {
                            #expect(!body.contains("KEYPOINT-CANARY") && !body.contains("HINT-CANARY"), "seed \(seed): \(e.kind) leaks")
                        }
                        if [.note, .score, .reflected].contains(e.kind) {
                            #expect(e.audience == .interviewer, "seed \(seed): \(e.kind) is private")
                        }
                        if e.kind == .signal { #expect(e.audience == .only(role.other)) }
                        if e.kind == .code, case .object(let o) = e.body, case .int(let at)? = o["at"], case .int(let del)? = o["del"],
                            case .string(let ins)? = o["ins"]
                        {
                            browserCode.replaceSubrange(at..<(at + del), with: Array(ins.utf16))
                        }
                    }
                } catch {
                    #expect(state == before, "seed \(seed): a refused \(command.kind) changed nothing")
                }
                #expect(String(decoding: browserCode, as: UTF16.self) == state.code, "seed \(seed): the code is the sum of its events")
                let elapsed = state.clock.elapsed(at: now)
                #expect(elapsed >= lastElapsed - 1e-9, "seed \(seed): the clock ran backwards")
                if let started = state.clock.startedAt {
                    #expect(elapsed <= now.timeIntervalSince(started) + 1e-9, "seed \(seed): the clock counts more than the wall")
                }
                lastElapsed = elapsed
            }
        }
        #expect(retrospectives > 0, "the generated cases reach an accepted retrospective")
    }

    @Test func pausesAreCountedAndNotTimed() throws {
        var clock = RoomClock(type: .coding, minutes: 45)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        try clock.start(at: t0)
        try clock.pause(at: t0 + 60)
        #expect(throws: MockLoopError.self) { try clock.pause(at: t0 + 70) }
        try clock.resume(at: t0 + 360)
        #expect(clock.elapsed(at: t0 + 420) == 120)
        #expect(clock.pauses == 1)
        try clock.move(to: 2)
        #expect(throws: MockLoopError.self) { try clock.move(to: 99) }
        clock.end(at: t0 + 480)
        #expect(clock.elapsed(at: t0 + 9999) == 180, "the clock stops at the end")
        #expect(clock.minutesElapsed(at: t0 + 9999) == 3)
    }
}
