import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import SQLKit
import Vapor

func require<T>(_ v: T?) throws -> T {
    guard let v else { fatalError("missing") }
    return v
}

// Partner matching benchmark. One database with 10,000 visible partner profiles (random targets,
// types, zones, weekly free times, passed loops) and 5,000 ended mocks between them with rated
// feedback, so ledgers are real. The measured user is the local owner, with a profile and 110
// sessions in the log. Prints, one line per figure:
//   - suggestions (GET /api/v1/partners over HTTP) p50 and p99, against the log page (GET /log)
//     of the same user measured interleaved in the same run (target: suggestions p50 < 50 ms);
//   - the ranking alone in process (PartnerDirectory.suggestions) with the instance's kept cards
//     and with every card read and parsed afresh, as after a change, and where the time goes.
//
//   swift build -c release --product PartnerBench && .build/release/PartnerBench
//   (PostgreSQL too when MOCKLOOP_TEST_POSTGRES_URL is set; PARTNERBENCH_PROFILES, _REQUESTS)

let env = ProcessInfo.processInfo.environment
let profiles = Int(env["PARTNERBENCH_PROFILES"] ?? "") ?? 10_000
let requests = Int(env["PARTNERBENCH_REQUESTS"] ?? "") ?? 100
let zones = [
    "Europe/Berlin", "Europe/London", "America/Los_Angeles", "America/New_York", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney",
    "America/Sao_Paulo", "Europe/Warsaw", "Asia/Tokyo", "Africa/Lagos", "UTC",
]
let companies = (1...30).map { "Company \($0)" }

func randomInput(_ rng: inout SeededGenerator, handle: String) -> PartnerProfileInput {
    func types() -> [String] { InterviewType.allCases.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }.map(\.rawValue) }
    var input = PartnerProfileInput()
    input.handle = handle
    input.visible = true
    input.companies = [companies.randomElement(using: &rng)!]
    input.tier = CompanyTier.allCases.randomElement(using: &rng)!.rawValue
    input.level = Level.allCases.randomElement(using: &rng)!.rawValue
    input.wants = types()
    input.offers = types() + ["coding"]
    input.timeZone = zones.randomElement(using: &rng)!
    let from = Int.random(in: 6...19, using: &rng)
    input.availability = "Mon-Fri \(String(format: "%02d", from)):00-\(String(format: "%02d", from + 2)):30\nSat 10:00-12:00"
    input.languages = ["English"]
    input.loops = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
        .init(
            company: companies.randomElement(using: &rng)!, tier: "tier1", level: Level.allCases.randomElement(using: &rng)!.rawValue,
            types: ["system_design"], month: "2026-\(String(format: "%02d", Int.random(in: 1...11, using: &rng)))")
    }
    return input
}

func seed(_ db: Database, owner: UUID) async throws {
    let sql = db as! SQLDatabase
    var rng = SeededGenerator(seed: 42)
    let now = Date()
    var users: [UUID] = []
    for chunk in stride(from: 0, to: profiles, by: 400) {
        let ids = (chunk..<min(profiles, chunk + 400)).map { _ in UUID() }
        let u = sql.insert(into: "users").columns("id", "name", "is_owner", "is_admin", "disabled", "email")
        for (k, id) in ids.enumerated() {
            u.values(
                SQLBind(id), SQLBind("User \(chunk + k)"), SQLBind(false), SQLBind(false), SQLBind(false),
                SQLBind("u\(chunk + k)@example.org"))
        }
        try await u.run()
        let p = sql.insert(into: "partner_profiles").columns("id", "user_id", "handle", "visible", "body", "card", "updated_at")
        let l = sql.insert(into: "passed_loops").columns(
            "id", "user_id", "company", "tier", "level", "types", "month", "verified", "created_at")
        var anyLoop = false
        for (k, id) in ids.enumerated() {
            let input = randomInput(&rng, handle: "member-\(chunk + k)")
            let profile = try input.profile(userID: id, today: LocalDay.today(now))
            var body = input
            body.loops = nil
            p.values(
                SQLBind(UUID()), SQLBind(id), SQLBind(profile.handle), SQLBind(true),
                SQLBind(String(decoding: try JSONEncoder().encode(body), as: UTF8.self)), SQLBind(MatchCard(profile).text), SQLBind(now))
            for loop in profile.loops {
                anyLoop = true
                l.values(
                    SQLBind(UUID()), SQLBind(id), SQLBind(loop.company), SQLBind(loop.tier.rawValue), SQLBind(loop.level.rawValue),
                    SQLBind(loop.types.map(\.rawValue).joined(separator: ",")), SQLBind(loop.month), SQLBind(false), SQLBind(now))
            }
        }
        try await p.run()
        if anyLoop { try await l.run() }
        users += ids
    }
    // 5,000 ended mocks between random members, each with a rated feedback row.
    for chunk in stride(from: 0, to: 5000, by: 400) {
        let s = sql.insert(into: "sessions").columns(
            "id", "user_id", "type", "mode", "status", "rubric_id", "started_at", "hints_used", "pauses", "went_easy", "is_repeat",
            "search_text", "import_key")
        let r = sql.insert(into: "rooms").columns(
            "id", "user_id", "session_id", "candidate_id", "interviewer_id", "interviewer_name", "join_hash", "question_id", "rubric_id",
            "type", "show_fix", "state", "last_seq", "created_at", "ended_at", "expires_at")
        let f = sql.insert(into: "partner_feedback").columns(
            "id", "session_id", "user_id", "name", "stronger", "communication", "concerns", "created_at", "specific", "honest")
        for k in chunk..<min(5000, chunk + 400) {
            let candidate = users.randomElement(using: &rng)!
            let interviewer = users.randomElement(using: &rng)!
            let session = UUID()
            let at = now.addingTimeInterval(-Double(k) * 600)
            s.values(
                SQLBind(session), SQLBind(candidate), SQLBind("coding"), SQLBind("peer"), SQLBind("completed"), SQLBind("coding"),
                SQLBind(at),
                SQLBind(0), SQLBind(0), SQLBind(false), SQLBind(false), SQLBind(""), SQLBind("room:\(k)"))
            r.values(
                SQLBind(UUID()), SQLBind(candidate), SQLBind(session), SQLBind(candidate), SQLBind(interviewer), SQLBind("Member"),
                SQLBind("h\(k)"), SQLBind("balanced-brackets"), SQLBind("coding"), SQLBind("coding"), SQLBind(true), SQLBind("{}"),
                SQLBind(0),
                SQLBind(at), SQLBind(at.addingTimeInterval(2700)), SQLBind(at.addingTimeInterval(86400)))
            f.values(
                SQLBind(UUID()), SQLBind(session), SQLBind(candidate), SQLBind("Member"), SQLBind("s"), SQLBind("c"), SQLBind("k"),
                SQLBind(at),
                SQLBind(Int.random(in: 1...3, using: &rng)), SQLBind(Int.random(in: 1...3, using: &rng)))
        }
        try await s.run()
        try await r.run()
        try await f.run()
    }
    // The measured user: a profile and 110 sessions in the log.
    var mine = randomInput(&rng, handle: "measured-me")
    mine.wants = ["coding", "system_design"]
    try await PartnerRepository(db: db, userID: owner).save(mine)
    let s = sql.insert(into: "sessions").columns(
        "id", "user_id", "type", "mode", "status", "rubric_id", "question_title", "interviewer", "started_at", "hints_used", "pauses",
        "went_easy", "is_repeat", "search_text", "import_key")
    for k in 0..<110 {
        s.values(
            SQLBind(UUID()), SQLBind(owner), SQLBind("coding"), SQLBind("peer"), SQLBind("completed"), SQLBind("coding"),
            SQLBind("Question \(k)"), SQLBind("Partner \(k % 13)"), SQLBind(now.addingTimeInterval(-Double(k) * 3600)), SQLBind(0),
            SQLBind(0),
            SQLBind(false), SQLBind(false), SQLBind("question \(k)"), SQLBind("log:\(k)"))
    }
    try await s.run()
    try await InsightsRepository.rebuildRollups(db)
    if sql.dialect.name == "postgresql" { try await sql.raw("VACUUM ANALYZE").run() }
}

func run(_ kind: TestDatabase) async throws {
    let store = try await kind.makeStore()
    let app = try await Application.make(.production)
    app.logger.logLevel = .error
    try await MockLoopApp.configure(
        app, AppConfig(hostname: "127.0.0.1", port: 0, store: store.config, secret: formSecret), content: TestDatabase.content)
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    guard let port = app.http.server.shared.localAddress?.port else { fatalError("server has no port") }
    let base = "http://127.0.0.1:\(port)"
    let owner = try await OwnerRepository(db: app.db).ensureOwner()
    let seeded = try await timed { try await seed(app.db, owner: owner) }
    print("\(kind) seed \(profiles) profiles, 5000 rated mocks in \(String(format: "%.1f s", seeded))")

    let client = app.client
    func get(_ path: String, expect needle: String) async throws {
        let res = try await client.get(URI(string: base + path))
        guard res.status == .ok, res.body.map({ String(buffer: $0).contains(needle) }) == true else {
            fatalError("\(path) answered \(res.status): \(res.body.map { String(buffer: $0).prefix(200) } ?? "")")
        }
    }
    for _ in 0..<10 {
        try await get("/api/v1/partners", expect: "member-")
        try await get("/log", expect: "Partner 7")
    }
    var partners: [Double] = []
    var log: [Double] = []
    for _ in 0..<requests {  // interleaved, so both see the same machine
        partners.append(try await timed { try await get("/api/v1/partners", expect: "member-") })
        log.append(try await timed { try await get("/log", expect: "Partner 7") })
    }
    // In process: with this instance's kept cards, and reading and parsing every card afresh (as
    // after any change to a profile or a ledger).
    let kept = PartnerDirectory(db: app.db, userID: owner, cards: PartnerCards())
    let fresh = PartnerDirectory(db: app.db, userID: owner, cards: PartnerCards())
    var ranking: [Double] = []
    var afresh: [Double] = []
    var count = 0
    _ = try await kept.suggestions()
    for _ in 0..<(requests / 2) { ranking.append(try await timed { count = try await kept.suggestions().count }) }
    for _ in 0..<(requests / 2) {
        afresh.append(
            try await timed {
                try await PartnerCards.changed(app.db)  // what every change to a card does
                count = min(count, try await fresh.suggestions().count)
            })
    }
    precondition(count == 20, "twenty suggestions")
    print(
        "\(kind) suggestions (GET /api/v1/partners, \(profiles) profiles) p50=\(ms(percentile(partners, 0.5))) p99=\(ms(percentile(partners, 0.99))) n=\(partners.count) (target p50 < 50 ms)"
    )
    print("\(kind) log_page (GET /log, 110 sessions) p50=\(ms(percentile(log, 0.5))) p99=\(ms(percentile(log, 0.99))) n=\(log.count)")
    print(
        "\(kind) ratio suggestions/log_page p50=\(String(format: "%.2f", percentile(partners, 0.5) / percentile(log, 0.5)))x p99=\(String(format: "%.2f", percentile(partners, 0.99) / percentile(log, 0.99)))x"
    )
    // Where the time goes: reading the cards, parsing them, scoring them.
    let sql = app.db as! SQLDatabase
    var rows: [SQLRow] = []
    var texts: [(UUID, String)] = []
    var cards: [(UUID, MatchCard)] = []
    let read = try await timed { rows = try await sql.select().column("user_id").column("card").from("partner_profiles").all() }
    let decode = try await timed {
        texts = try rows.map { (try $0.decode(column: "user_id", as: UUID.self), try $0.decode(column: "card", as: String.self)) }
    }
    let parse = try await timed { cards = texts.compactMap { id, t in MatchCard(text: t).map { (id, $0) } } }
    let me = try require(cards.first { $0.1.handle == "measured-me" }?.1)
    let window = ZoneQuarters.window(from: Date())
    var zones: [String: PartnerScorer.Zone] = [:]
    let score = try await timed {
        let scorer = PartnerScorer(
            me: me, today: LocalDay.today(Date()),
            mine: me.availability.free(in: ZoneQuarters(zone: TimeZone(identifier: me.timeZone)!, start: window.start, count: window.count))
        )
        var n = 0
        for (id, card) in cards {
            let zone =
                zones[card.timeZone]
                ?? scorer.prepare(ZoneQuarters(zone: TimeZone(identifier: card.timeZone)!, start: window.start, count: window.count))
            zones[card.timeZone] = zone
            if scorer.evaluate(card, userID: id, zone: zone, lastPairedDaysAgo: nil) != nil { n += 1 }
        }
        precondition(n > 0)
    }
    print(
        "\(kind) parts: read rows \(ms(read)), decode columns \(ms(decode)), parse cards \(ms(parse)), score \(ms(score)) (\(cards.count) cards)"
    )
    print(
        "\(kind) ranking in process, cards kept p50=\(ms(percentile(ranking, 0.5))) p99=\(ms(percentile(ranking, 0.99))) n=\(ranking.count)"
    )
    print(
        "\(kind) ranking in process, cards read afresh (after a change) p50=\(ms(percentile(afresh, 0.5))) p99=\(ms(percentile(afresh, 0.99))) n=\(afresh.count)"
    )
    await app.server.shutdown()
    try await app.asyncShutdown()
    try await store.tearDown()
}

for kind in TestDatabase.available { try await run(kind) }
