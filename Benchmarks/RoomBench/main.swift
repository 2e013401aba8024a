import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import NIOConcurrencyHelpers
import NIOCore
import Vapor
import WebSocketKit

// Live rooms benchmark. N rooms, each with its candidate and interviewer connected over loopback
// WebSockets; every candidate types 10 changes a second, sent as the page sends them (one
// command every 200 ms), and the relay latency is the time from a command leaving the
// candidate's socket to its event arriving at the interviewer's. Measured against a bare
// WebSocket echo on the same server (one socket per room, the same message rate; its round
// trip crosses the server once each way, as a relay does) in the same run. Also: memory per
// idle room (both of its sockets, client and server side, in this one process).
// Configurations: one instance on SQLite; with MOCKLOOP_TEST_POSTGRES_URL, one instance on
// PostgreSQL and two instances on one PostgreSQL (candidates on one, interviewers on the other).
//
//   swift build -c release --product RoomBench && .build/release/RoomBench
//   ROOMBENCH_ROOMS=100,500 (default) ROOMBENCH_SECONDS=15 (measured, after 3 s of warm-up)

setvbuf(stdout, nil, _IOLBF, 0)
let env = ProcessInfo.processInfo.environment
let roomCounts = (env["ROOMBENCH_ROOMS"] ?? "100,500").split(separator: ",").compactMap { Int($0) }
let seconds = Double(env["ROOMBENCH_SECONDS"] ?? "") ?? 15
let warmUp = 3.0
/// How many times the store alone is measured (the median is printed).
let storeRounds = Int(env["ROOMBENCH_STORE_ROUNDS"] ?? "") ?? 5

func serve(_ store: TestStore) async throws -> (Application, Int) {
    let app = try await Application.make(.production)
    app.logger.logLevel = .error
    let config = AppConfig(hostname: "127.0.0.1", port: 0, store: store.config, secret: formSecret)
    try await MockLoopApp.configure(app, config, content: TestDatabase.content)
    // The baseline: the same server, middleware and sockets, with nothing behind them.
    app.webSocket("bench-echo") { _, ws in ws.onText { ws, text in ws.send(text) } }
    // Boots the lifecycle handlers too: the PostgreSQL listener that relays between instances.
    try await app.asyncBoot()
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    guard let port = app.http.server.shared.localAddress?.port else { fatalError("server has no port") }
    return (app, port)
}

func tryAll(_ tasks: ThrowingTaskGroup<Void, Error>) async throws {
    var tasks = tasks
    while try await tasks.next() != nil {}
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func rss() -> Double {
    let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
    return Double(statm.split(separator: " ")[1])! * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

/// Latencies (seconds) recorded from many sockets, and when counting starts.
final class Recorder: Sendable {
    let values = NIOLockedValueBox<[Double]>([])
    let since = NIOLockedValueBox<UInt64>(UInt64.max)
    func record(sentAt: UInt64) {
        let t = now()
        guard sentAt >= since.withLockedValue({ $0 }) else { return }
        values.withLockedValue { $0.append(Double(t - sentAt) / 1e9) }
    }
}

func connect(
    _ url: String, headers: HTTPHeaders = [:], group: EventLoopGroup, onText: @Sendable @escaping (WebSocket, String) -> Void
)
    async throws -> WebSocket
{
    let upgraded = group.any().makePromise(of: WebSocket.self)
    try await WebSocket.connect(to: url, headers: headers, on: group) { ws in
        ws.onText(onText)
        upgraded.succeed(ws)
    }.get()
    return try await upgraded.futureResult.get()
}

/// The candidate's side of one room: it keeps its own idea of the code's length, as the page does.
final class Typist: Sendable {
    let ws: WebSocket
    let state = NIOLockedValueBox((cid: 0, length: 0, sent: [Int: UInt64]()))
    init(_ ws: WebSocket, length: Int) {
        self.ws = ws
        state.withLockedValue { $0.length = length }
    }

    func type() {
        let (cid, at) = state.withLockedValue { s -> (Int, Int) in
            s.cid += 1
            return (s.cid, s.length)
        }
        // Two keystrokes in each 200 ms batch; the text names the command so the other side can time it.
        let ins = "\(cid);\n"
        state.withLockedValue {
            $0.length += ins.utf16.count
            $0.sent[cid] = now()
        }
        ws.send(#"{"t":"cmd","cid":\#(cid),"kind":"code","at":\#(at),"del":0,"ins":"\#(cid);\n"}"#)
    }

    func sentAt(_ cid: Int) -> UInt64? { state.withLockedValue { $0.sent.removeValue(forKey: cid) } }
}

func measureRooms(_ label: String, rooms count: Int, candidateApp: Application, candidatePort: Int, interviewerPort: Int) async throws {
    let group = MultiThreadedEventLoopGroup.singleton
    let owner = try await OwnerRepository(db: candidateApp.db).ensureOwner()
    let repo = RoomRepository(db: candidateApp.db)
    var seats: [(UUID, String)] = []
    for _ in 0..<count {
        let (room, _) = try await repo.create(RoomPlan(questionId: "balanced-brackets"), candidate: owner)
        let token = try await repo.takeInterviewerSeat(room, user: nil, name: "Bench")!
        seats.append((try room.requireID(), token))
    }
    // The store alone: the same commands written straight through the writer, one room each.
    if let writer = candidateApp.mockLoopServices?.roomWriter {
        let question = try await QuestionRepository(db: candidateApp.db, userID: owner).find("balanced-brackets").question
        let n = min(count, 200)
        var times: [Double] = []
        for round in 0..<storeRounds {
            times.append(
                try await timed {
                    try await withThrowingTaskGroup(of: Void.self) { tasks in
                        for (room, _) in seats.prefix(n) {
                            tasks.addTask {
                                var c = RoomCommand(cid: round + 1, kind: .chat)
                                c.text = "hello"
                                _ = try await writer.append(room, clientKey: "bench:\(round)", by: .candidate, fresh: true) { state, _ in
                                    try state.apply(c, by: .candidate, question: question, now: Date())
                                }
                            }
                        }
                        try await tryAll(tasks)
                    }
                })
        }
        let t = percentile(times, 0.5)
        print("\(label) store: \(n) commands at once, one per room, in \(ms(t)) (\(String(format: "%.0f", Double(n) / t)) a second)")
    }
    let starter = try RoomRepository.state(try await RoomModel.find(seats[0].0, on: candidateApp.db)!).code.utf16.count
    let before = rss()

    let latencies = Recorder()
    var typists: [Typist] = []
    var sockets: [WebSocket] = []
    for (room, token) in seats {
        let ready = candidateApp.eventLoopGroup.any().makePromise(of: Void.self)
        let synced = NIOLockedValueBox(0)
        let typistBox = NIOLockedValueBox<Typist?>(nil)
        let onInterviewer: @Sendable (WebSocket, String) -> Void = { _, text in
            if text.contains(#""t":"synced""#) {
                if synced.withLockedValue({
                    $0 += 1
                    return $0
                }) == 2 {
                    ready.succeed()
                }
                return
            }
            guard text.contains(#""kind":"code""#), let r = text.range(of: #""ins":""#) else { return }
            let digits = text[r.upperBound...].prefix { $0.isNumber }
            if let cid = Int(digits), let sent = typistBox.withLockedValue({ $0 })?.sentAt(cid) { latencies.record(sentAt: sent) }
        }
        let onCandidate: @Sendable (WebSocket, String) -> Void = { _, text in
            if text.contains(#""t":"synced""#),
                synced.withLockedValue({
                    $0 += 1
                    return $0
                }) == 2
            {
                ready.succeed()
            }
        }
        var seat = HTTPHeaders()
        seat.add(name: .cookie, value: "mockloop_seat=\(token)")
        let path = "/rooms/\(room.uuidString.lowercased())/socket"
        let c = try await connect("ws://127.0.0.1:\(candidatePort)\(path)", group: group, onText: onCandidate)
        let i = try await connect("ws://127.0.0.1:\(interviewerPort)\(path)", headers: seat, group: group, onText: onInterviewer)
        let typist = Typist(c, length: starter)
        typistBox.withLockedValue { $0 = typist }
        try await c.send(#"{"t":"hello","after":0,"client":"c-\#(room)"}"#)
        try await i.send(#"{"t":"hello","after":0,"client":"i-\#(room)"}"#)
        try await ready.futureResult.get()
        typists.append(typist)
        sockets += [c, i]
    }
    let perRoom = (rss() - before) / Double(count)
    let (commandsBefore, transactionsBefore, busyBefore) = await (
        candidateApp.mockLoopServices!.roomWriter!.commands, candidateApp.mockLoopServices!.roomWriter!.transactions,
        candidateApp.mockLoopServices!.roomWriter!.busy
    )
    print("\(label) rooms=\(count) memory per idle room \(String(format: "%.0f KiB", perRoom * 1024)) (both sockets, both ends)")

    let start = now()
    latencies.since.withLockedValue { $0 = start + UInt64(warmUp * 1e9) }
    let stopAt = start + UInt64((warmUp + seconds) * 1e9)
    // Every typist sends every 200 ms, spread evenly over the interval.
    await withTaskGroup(of: Void.self) { tasks in
        for (n, typist) in typists.enumerated() {
            tasks.addTask {
                try? await Task.sleep(nanoseconds: UInt64(200_000_000 * n / typists.count))
                while now() < stopAt {
                    typist.type()
                    try? await Task.sleep(nanoseconds: 200_000_000)
                }
            }
        }
    }
    let values = latencies.values.withLockedValue { $0 }
    let writer = candidateApp.mockLoopServices!.roomWriter!
    let (commands, transactions, busy) = await (
        writer.commands - commandsBefore, writer.transactions - transactionsBefore, writer.busy - busyBefore
    )
    print(
        "\(label) rooms=\(count) writer \(commands) commands in \(transactions) transactions (\(String(format: "%.1f", Double(commands) / Double(max(1, transactions)))) a commit, \(ms(busy / Double(max(1, transactions)))) each)"
    )
    guard !values.isEmpty else {
        print("\(label) rooms=\(count) relay: no change arrived within the window (saturated)")
        lastRelay = [.infinity]
        for ws in sockets { try? await ws.close() }
        return
    }
    let expected = Double(count) * 5 * seconds
    print(
        "\(label) rooms=\(count) relay p50=\(ms(percentile(values, 0.5))) p99=\(ms(percentile(values, 0.99))) n=\(values.count) (\(String(format: "%.0f", 100 * Double(values.count) / expected))% of the changes sent in the window arrived in it)"
    )
    for ws in sockets { try? await ws.close() }
    lastRelay = values
}

nonisolated(unsafe) var lastRelay: [Double] = []

func measureEcho(_ label: String, sockets count: Int, port: Int) async throws -> [Double] {
    let group = MultiThreadedEventLoopGroup.singleton
    let latencies = Recorder()
    var sockets: [WebSocket] = []
    for _ in 0..<count {
        sockets.append(
            try await connect("ws://127.0.0.1:\(port)/bench-echo", group: group) { _, text in
                if let sent = UInt64(text) { latencies.record(sentAt: sent) }
            })
    }
    let start = now()
    latencies.since.withLockedValue { $0 = start + UInt64(warmUp * 1e9) }
    let stopAt = start + UInt64((warmUp + seconds) * 1e9)
    await withTaskGroup(of: Void.self) { tasks in
        for (n, ws) in sockets.enumerated() {
            tasks.addTask {
                try? await Task.sleep(nanoseconds: UInt64(200_000_000 * n / count))
                while now() < stopAt {
                    ws.send(String(now()), promise: nil)
                    try? await Task.sleep(nanoseconds: 200_000_000)
                }
            }
        }
    }
    for ws in sockets { try? await ws.close() }
    let values = latencies.values.withLockedValue { $0 }
    print("\(label) sockets=\(count) echo p50=\(ms(percentile(values, 0.5))) p99=\(ms(percentile(values, 0.99))) n=\(values.count)")
    return values
}

func ratio(_ label: String, _ relay: [Double], _ echo: [Double], target: String) {
    print(
        "\(label) ratio relay/echo p50=\(String(format: "%.2f", percentile(relay, 0.5) / percentile(echo, 0.5)))x p99=\(String(format: "%.2f", percentile(relay, 0.99) / percentile(echo, 0.99)))x (target relay p99 \(target))"
    )
}

func run(_ kind: TestDatabase) async throws {
    for count in roomCounts {
        let store = try await kind.makeStore()
        let (app, port) = try await serve(store)
        let echo = try await measureEcho("\(kind) one_instance", sockets: count, port: port)
        try await measureRooms("\(kind) one_instance", rooms: count, candidateApp: app, candidatePort: port, interviewerPort: port)
        ratio("\(kind) one_instance rooms=\(count)", lastRelay, echo, target: "< 20 ms")
        if kind == .postgres {
            let (other, otherPort) = try await serve(store)
            let echo2 = try await measureEcho("\(kind) two_instances", sockets: count, port: otherPort)
            try await measureRooms(
                "\(kind) two_instances", rooms: count, candidateApp: app, candidatePort: port, interviewerPort: otherPort)
            ratio("\(kind) two_instances rooms=\(count)", lastRelay, echo2, target: "< 50 ms")
            await other.server.shutdown()
            try await other.asyncShutdown()
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
        try await store.tearDown()
    }
}

// ROOMBENCH_DB=sqlite or postgres measures only that one.
for kind in TestDatabase.available where env["ROOMBENCH_DB"].map({ $0 == "\(kind)" }) ?? true { try await run(kind) }
