import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import SQLKit
import Vapor

// Accounts benchmark. One database with 1,000 users x 110 sessions (110,000 sessions), served
// twice from one process: solo (no sign-in) and with accounts, the measured user being the local
// owner whom the first account takes over. Prints, one line per figure:
//   - sign-in p50 at the configured bcrypt cost (12 unless MOCKLOOP_BCRYPT_COST says otherwise);
//   - the log page signed in against the solo log page of the same run (target p99 <= 1.2x);
//   - the log page while two sign-ins hash at once, against the idle log page (bcrypt runs on a
//     pool of its own, so the ratio should stay near 1);
//   - exporting everything of one user (110 sessions) and importing it into a new account,
//     against the log's JSON export and CSV import of the same sessions.
//
//   swift build -c release --product AccountBench && .build/release/AccountBench
//   (PostgreSQL too when MOCKLOOP_TEST_POSTGRES_URL is set)

let env = ProcessInfo.processInfo.environment
let requests = Int(env["ACCOUNTBENCH_REQUESTS"] ?? "") ?? 300
let cost = Int(env["MOCKLOOP_BCRYPT_COST"] ?? "") ?? 12
let password = "violet harbour kite 42"

/// 110 sessions for a user, with six scores each, in one statement per table.
func seed(_ sql: SQLDatabase, user: UUID, start: Date) async throws {
    let ids = (0..<110).map { _ in UUID() }
    let sessions = sql.insert(into: "sessions").columns(
        "id", "user_id", "type", "mode", "status", "rubric_id", "question_title", "interviewer", "started_at", "hints_used", "pauses",
        "went_easy", "is_repeat", "search_text", "import_key", "duration_minutes", "confidence")
    for (k, id) in ids.enumerated() {
        sessions.values(
            SQLBind(id), SQLBind(user), SQLBind("coding"), SQLBind(k % 3 == 0 ? "ai" : "peer"), SQLBind("completed"), SQLBind("coding"),
            SQLBind("Question \(k % 97)"), SQLBind("Partner \(k % 13)"), SQLBind(start.addingTimeInterval(Double(k) * 3600)),
            SQLBind(k % 3), SQLBind(0), SQLBind(false), SQLBind(false), SQLBind("question \(k % 97)"),
            SQLBind("id:" + id.uuidString.lowercased()), SQLBind(45), SQLBind(3))
    }
    try await sessions.run()
    let scores = sql.insert(into: "scores").columns("id", "session_id", "dimension", "scorer", "score")
    for (i, id) in ids.enumerated() {
        for (d, dim) in [
            "clarification", "approach_verbalization", "coding_execution", "testing_edge_cases", "optimization_discussion", "communication",
        ]
        .enumerated() {
            scores.values(SQLBind(UUID()), SQLBind(id), SQLBind(dim), SQLBind("interviewer"), SQLBind(1 + (i + d) % 3))
        }
    }
    try await scores.run()
}

func serve(_ store: TestStore, accounts: Bool) async throws -> (Application, String) {
    let app = try await Application.make(.production)
    app.logger.logLevel = .error
    app.http.client.configuration.redirectConfiguration = .disallow  // the sign-in's redirect is its answer
    var config = AppConfig(hostname: "127.0.0.1", port: 0, store: store.config, secret: formSecret)
    if accounts { config.accounts = AccountsConfig(bcryptCost: cost, throttle: .init(failures: 1_000_000)) }
    try await MockLoopApp.configure(app, config, content: TestDatabase.content)
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    guard let port = app.http.server.shared.localAddress?.port else { fatalError("server has no port") }
    return (app, "http://127.0.0.1:\(port)")
}

/// Signs in through the form, as a browser does; returns the sign-in cookie.
func signIn(_ client: Client, _ base: String, email: String) async throws -> String {
    let token = RequestBody.formToken
    var headers = HTTPHeaders()
    headers.add(name: .cookie, value: "mockloop_form=\(token)")
    headers.contentType = .urlEncodedForm
    let body = "csrf=\(token)&email=\(email)&password=\(password.replacingOccurrences(of: " ", with: "+"))"
    let res = try await client.post(URI(string: base + "/sign-in"), headers: headers) { $0.body = ByteBuffer(string: body) }
    guard res.status == .seeOther, let cookie = res.headers[.setCookie].first(where: { $0.hasPrefix("mockloop_signin=") }) else {
        fatalError("sign-in answered \(res.status)")
    }
    return String(cookie.prefix { $0 != ";" })
}

func run(_ kind: TestDatabase) async throws {
    let store = try await kind.makeStore()
    let (solo, soloBase) = try await serve(store, accounts: false)
    let sql = solo.db as! SQLDatabase
    let owner = try await OwnerRepository(db: solo.db).ensureOwner()
    // Precomputed hashes: seeding 1,000 accounts at cost 12 would take minutes of bcrypt.
    let hash = try Bcrypt.hash(password, cost: cost)
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    let seeded = try await timed {
        let me = try await AccountRepository(db: solo.db).create(email: "me@example.org", name: "Me", passwordHash: hash, isAdmin: true)
        precondition(me.id == owner, "the first account takes over the local owner")
        try await seed(sql, user: owner, start: t0)
        for u in 1..<1000 {
            let user = try await AccountRepository(db: solo.db).create(
                email: "user\(u)@example.org", name: "User \(u)", passwordHash: hash, isAdmin: false)
            try await seed(sql, user: user.id!, start: t0)
        }
        try await InsightsRepository.rebuildRollups(solo.db)
        if sql.dialect.name == "postgresql" { try await sql.raw("VACUUM ANALYZE").run() }
    }
    print("\(kind) seed 1000 accounts x 110 sessions in \(String(format: "%.1f s", seeded))")
    let (multi, multiBase) = try await serve(store, accounts: true)
    let client = solo.client

    var signIns: [Double] = []
    var cookie = ""
    for _ in 0..<(cost >= 12 ? 12 : 40) {
        signIns.append(try await timed { cookie = try await signIn(client, multiBase, email: "me@example.org") })
    }
    print(
        "\(kind) sign_in p50=\(ms(percentile(signIns, 0.5))) p99=\(ms(percentile(signIns, 0.99))) n=\(signIns.count) (bcrypt cost \(cost))")

    var signedInHeaders = HTTPHeaders()
    signedInHeaders.add(name: .cookie, value: cookie)
    func page(_ base: String, _ headers: HTTPHeaders = [:]) async throws {
        let res = try await client.get(URI(string: base + "/log"), headers: headers)
        guard res.status == .ok, res.body.map({ String(buffer: $0).contains("Partner 7") }) == true else {
            fatalError("the log page answered \(res.status)")
        }
    }
    for _ in 0..<20 {
        try await page(soloBase)
        try await page(multiBase, signedInHeaders)
    }
    var soloTimes: [Double] = []
    var multiTimes: [Double] = []
    for _ in 0..<requests {  // interleaved, so both see the same machine
        soloTimes.append(try await timed { try await page(soloBase) })
        multiTimes.append(try await timed { try await page(multiBase, signedInHeaders) })
    }
    print("\(kind) log_page solo p50=\(ms(percentile(soloTimes, 0.5))) p99=\(ms(percentile(soloTimes, 0.99))) n=\(soloTimes.count)")
    print("\(kind) log_page signed_in p50=\(ms(percentile(multiTimes, 0.5))) p99=\(ms(percentile(multiTimes, 0.99))) n=\(multiTimes.count)")
    print(
        "\(kind) ratio log_page signed_in/solo p50=\(String(format: "%.2f", percentile(multiTimes, 0.5) / percentile(soloTimes, 0.5)))x p99=\(String(format: "%.2f", percentile(multiTimes, 0.99) / percentile(soloTimes, 0.99)))x (target p99 <= 1.2x)"
    )

    // The log page while two sign-ins hash without pause, against the same requests just before
    // on an idle machine (the same server and pattern, so only the hashing differs).
    var idle: [Double] = []
    for _ in 0..<(requests / 2) { idle.append(try await timed { try await page(multiBase, signedInHeaders) }) }
    let busy = ManagedFlag()
    let hashing = Task {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask { while !busy.isDone { _ = try? await signIn(client, multiBase, email: "user7@example.org") } }
            }
        }
    }
    var loaded: [Double] = []
    for _ in 0..<(requests / 2) { loaded.append(try await timed { try await page(multiBase, signedInHeaders) }) }
    busy.finish()
    await hashing.value
    print(
        "\(kind) log_page during_two_sign_ins p50=\(ms(percentile(loaded, 0.5))) p99=\(ms(percentile(loaded, 0.99))) n=\(loaded.count); idle just before p50=\(ms(percentile(idle, 0.5))) p99=\(ms(percentile(idle, 0.99))); ratio p50=\(String(format: "%.2f", percentile(loaded, 0.5) / percentile(idle, 0.5)))x p99=\(String(format: "%.2f", percentile(loaded, 0.99) / percentile(idle, 0.99)))x"
    )

    // Everything of the measured user (110 sessions) as an archive and into a new account, against
    // the log's own JSON export and CSV import of the same sessions in the same run.
    let archives = ArchiveRepository(db: solo.db, userID: owner)
    let log = LogRepository(db: solo.db, userID: owner)
    var archiveOut: [Double] = []
    var logOut: [Double] = []
    for _ in 0..<10 {
        archiveOut.append(try await timed { _ = try await archives.export().encoded() })
        logOut.append(try await timed { _ = try LogExport.json(try await log.all()) })
    }
    let archive = try await archives.export()
    let csv = LogExport.csv(try await log.all(), rubrics: try await RubricRepository(db: solo.db, userID: owner).all().map(\.rubric))
    var archiveIn: [Double] = []
    var csvIn: [Double] = []
    for n in 0..<5 {
        let a = try await OwnerRepository(db: solo.db).createUser(name: "Archive \(n)")
        archiveIn.append(try await timed { _ = try await ArchiveRepository(db: solo.db, userID: a).importArchive(archive) })
        let c = try await OwnerRepository(db: solo.db).createUser(name: "CSV \(n)")
        csvIn.append(try await timed { _ = try await LogRepository(db: solo.db, userID: c).importCSV(csv) })
    }
    print(
        "\(kind) archive export 110 sessions p50=\(ms(percentile(archiveOut, 0.5))) vs log JSON export p50=\(ms(percentile(logOut, 0.5))) (\(String(format: "%.2f", percentile(archiveOut, 0.5) / percentile(logOut, 0.5)))x); import p50=\(ms(percentile(archiveIn, 0.5))) vs log CSV import p50=\(ms(percentile(csvIn, 0.5))) (\(String(format: "%.2f", percentile(archiveIn, 0.5) / percentile(csvIn, 0.5)))x)"
    )

    await multi.server.shutdown()
    try await multi.asyncShutdown()
    await solo.server.shutdown()
    try await solo.asyncShutdown()
    try await store.tearDown()
}

/// A stop signal the hashing loops read.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    var isDone: Bool { lock.withLock { done } }
    func finish() { lock.withLock { done = true } }
}

for kind in TestDatabase.available { try await run(kind) }
