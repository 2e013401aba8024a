import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import SQLKit
import Vapor

// Log benchmark: seeds 10,000 sessions for one user, measures the log page, the sessions API
// CSV export, the insights API and page, and the home page; then adds 100,000 sessions for 1,000 other users and measures again, so the
// ratio shows whether a user's log slows down as the table grows. One line per figure.
//
//   swift run -c release LogBench            (SQLite; PostgreSQL too when MOCKLOOP_TEST_POSTGRES_URL is set)
//   LOGBENCH_REQUESTS=400 swift run -c release LogBench

let requests = Int(ProcessInfo.processInfo.environment["LOGBENCH_REQUESTS"] ?? "") ?? 200

struct Figures {
    var logPage: [Double] = []
    var api: [Double] = []
    var search: [Double] = []
    var export: [Double] = []
    var insights: [Double] = []
    var insights30d: [Double] = []
    /// The home page (the week's state reads the insights) and the insights page (with the
    /// cross-type overview), each against the log page of the same run.
    var home: [Double] = []
    var insightsPage: [Double] = []
}

/// Inserts sessions with 6 interviewer scores each and a retro on every third, in batches.
func seed(_ db: Database, user: UUID, count: Int, start: Date) async throws {
    let sql = db as! SQLDatabase
    let dims = [
        "clarification", "approach_verbalization", "coding_execution", "testing_edge_cases", "optimization_discussion", "communication",
    ]
    let batch = 400
    try await db.transaction { db in
        let sql = db as! SQLDatabase
        for offset in stride(from: 0, to: count, by: batch) {
            let n = min(batch, count - offset)
            let ids = (0..<n).map { _ in UUID() }
            let sessions = sql.insert(into: "sessions").columns(
                "id", "user_id", "type", "mode", "status", "rubric_id", "question_title",
                "interviewer", "started_at", "hints_used", "pauses", "went_easy", "is_repeat",
                "search_text", "import_key", "duration_minutes", "confidence")
            for (i, id) in ids.enumerated() {
                let k = offset + i
                sessions.values(
                    SQLBind(id), SQLBind(user), SQLBind("coding"), SQLBind(k % 3 == 0 ? "ai" : "peer"), SQLBind("completed"),
                    SQLBind("coding"), SQLBind("Question \(k % 97)"), SQLBind("Partner \(k % 13)"),
                    SQLBind(start.addingTimeInterval(Double(k) * 3600)), SQLBind(k % 3), SQLBind(0), SQLBind(false), SQLBind(false),
                    SQLBind("question \(k % 97) partner \(k % 13)"), SQLBind("id:" + id.uuidString.lowercased()), SQLBind(45), SQLBind(3))
            }
            try await sessions.run()
            let scores = sql.insert(into: "scores").columns("id", "session_id", "dimension", "scorer", "score")
            for (i, id) in ids.enumerated() {
                for (d, dim) in dims.enumerated() {
                    scores.values(SQLBind(UUID()), SQLBind(id), SQLBind(dim), SQLBind("interviewer"), SQLBind(1 + (i + d) % 3))
                }
                for dim in dims.prefix(2) { scores.values(SQLBind(UUID()), SQLBind(id), SQLBind(dim), SQLBind("self"), SQLBind(1 + i % 3)) }
            }
            try await scores.run()
            let retros = sql.insert(into: "retros").columns(
                "id", "session_id", "user_id", "went_well", "went_wrong", "fix_dimension", "fix_text", "drill", "drill_done")
            var any = false
            for (i, id) in ids.enumerated() where i % 3 == 0 {
                any = true
                retros.values(
                    SQLBind(UUID()), SQLBind(id), SQLBind(user), SQLBind("Clear plan"), SQLBind("Slow tests"),
                    SQLBind("testing_edge_cases"),
                    SQLBind("Write edge cases first"), SQLBind("10 edge-case lists"), SQLBind(false))
            }
            if any { try await retros.run() }
        }
    }
    _ = sql
}

/// A bulk load leaves PostgreSQL's planner statistics and visibility map stale until autovacuum
/// runs (SQLite has no such step); measure the steady state a running instance would be in.
func settle(_ db: Database) async throws {
    let sql = db as! SQLDatabase
    if sql.dialect.name == "postgresql" { try await sql.raw("VACUUM ANALYZE").run() }
}

func measure(_ app: Application, base: String) async throws -> Figures {
    var f = Figures()
    let client = app.client
    func get(_ path: String) async throws -> ClientResponse {
        let res = try await client.get(URI(string: base + path))
        guard res.status == .ok else { fatalError("GET \(path) answered \(res.status)") }
        return res
    }
    for _ in 0..<10 { _ = try await get("/log") }  // warm up caches and connections
    for i in 0..<requests {
        f.logPage.append(try await timed { _ = try await get("/log") })
        f.api.append(try await timed { _ = try await get("/api/v1/sessions?limit=50&offset=\((i % 10) * 50)") })
        if i % 4 == 0 { f.search.append(try await timed { _ = try await get("/log?q=partner%207") }) }
        if i % 2 == 0 {
            f.insights.append(try await timed { _ = try await get("/api/v1/insights?type=coding") })
            f.insights30d.append(try await timed { _ = try await get("/api/v1/insights?type=coding&window=30d") })
            f.home.append(try await timed { _ = try await get("/") })
            f.insightsPage.append(try await timed { _ = try await get("/insights?type=coding") })
        }
    }
    for _ in 0..<3 {
        var rows = 0
        f.export.append(
            try await timed {
                let res = try await get("/api/v1/log/export?format=csv")
                rows = (res.body.map { String(buffer: $0) } ?? "").split(separator: "\r\n").count - 1
            })
        guard rows >= 10_000 else { fatalError("export returned \(rows) rows") }
    }
    return f
}

func report(_ kind: String, _ label: String, _ f: Figures) {
    print("\(kind) \(label) log_page p50=\(ms(percentile(f.logPage, 0.5))) p99=\(ms(percentile(f.logPage, 0.99))) n=\(f.logPage.count)")
    print("\(kind) \(label) api_sessions_limit50 p50=\(ms(percentile(f.api, 0.5))) p99=\(ms(percentile(f.api, 0.99))) n=\(f.api.count)")
    print("\(kind) \(label) log_search p50=\(ms(percentile(f.search, 0.5))) p99=\(ms(percentile(f.search, 0.99))) n=\(f.search.count)")
    print("\(kind) \(label) csv_export_10k median=\(ms(percentile(f.export, 0.5)))")
    print(
        "\(kind) \(label) insights_all p50=\(ms(percentile(f.insights, 0.5))) p99=\(ms(percentile(f.insights, 0.99))) n=\(f.insights.count) (\(String(format: "%.2f", percentile(f.insights, 0.5) / percentile(f.logPage, 0.5)))x the log page; target p50 < 50 ms)"
    )
    for (name, values) in [("home_page", f.home), ("insights_page", f.insightsPage)] {
        print(
            "\(kind) \(label) \(name) p50=\(ms(percentile(values, 0.5))) p99=\(ms(percentile(values, 0.99))) n=\(values.count) (\(String(format: "%.2f", percentile(values, 0.5) / percentile(f.logPage, 0.5)))x the log page)"
        )
    }
    print(
        "\(kind) \(label) insights_30d p50=\(ms(percentile(f.insights30d, 0.5))) p99=\(ms(percentile(f.insights30d, 0.99))) n=\(f.insights30d.count)"
    )
}

func run(_ kind: TestDatabase) async throws {
    let store = try await kind.makeStore()
    let app = try await Application.make(.production)
    app.logger.logLevel = .error
    do {
        try await MockLoopApp.configure(app, AppConfig(hostname: "127.0.0.1", port: 0, store: store.config), content: TestDatabase.content)
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { fatalError("server has no port") }
        let base = "http://127.0.0.1:\(port)"
        let owner = try await OwnerRepository(db: app.db).ensureOwner()
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        let seedOwn = try await timed { try await seed(app.db, user: owner, count: 10_000, start: t0) }
        // Bulk rows bypass the repositories, so the insights' daily roll-ups are built as the
        // migration builds them for sessions already there.
        let rollups = try await timed { try await InsightsRepository.rebuildRollups(app.db) }
        try await settle(app.db)
        print(
            "\(kind) seed own 10000 sessions in \(String(format: "%.1f s", seedOwn)); insight roll-ups built in \(String(format: "%.1f s", rollups))"
        )
        // Where export time goes: reading the entries vs writing the CSV.
        var entries: [LogEntry] = []
        let read = try await timed { entries = try await LogRepository(db: app.db, userID: owner).all() }
        let write = await timed { _ = LogExport.csv(entries, rubrics: TestDatabase.content.rubrics) }
        print("\(kind) export_breakdown read_entries=\(ms(read)) write_csv=\(ms(write)) rows=\(entries.count)")
        let small = try await measure(app, base: base)
        report(kind.rawValue, "table=10k", small)
        let seedOthers = try await timed {
            for u in 0..<1000 {
                let other = try await OwnerRepository(db: app.db).createUser(name: "User \(u)")
                try await seed(app.db, user: other, count: 100, start: t0)
            }
            try await InsightsRepository.rebuildRollups(app.db)
        }
        try await settle(app.db)
        print("\(kind) seed 1000 users x 100 sessions in \(String(format: "%.1f s", seedOthers))")
        let large = try await measure(app, base: base)
        report(kind.rawValue, "table=110k", large)
        let ratio = percentile(large.logPage, 0.99) / percentile(small.logPage, 0.99)
        let ratio50 = percentile(large.logPage, 0.5) / percentile(small.logPage, 0.5)
        print(
            "\(kind) ratio log_page 110k/10k p50=\(String(format: "%.2f", ratio50))x p99=\(String(format: "%.2f", ratio))x (target <= 1.5x)"
        )
        print("\(kind) ratio api_sessions 110k/10k p50=\(String(format: "%.2f", percentile(large.api, 0.5) / percentile(small.api, 0.5)))x")
        print(
            "\(kind) ratio insights 110k/10k p50=\(String(format: "%.2f", percentile(large.insights, 0.5) / percentile(small.insights, 0.5)))x"
        )
        print(
            "\(kind) ratio csv_export 110k/10k =\(String(format: "%.2f", percentile(large.export, 0.5) / percentile(small.export, 0.5)))x")
        await app.server.shutdown()
    } catch {
        print("\(kind) benchmark failed: \(error)")
    }
    try await app.asyncShutdown()
    try await store.tearDown()
}

for kind in TestDatabase.available { try await run(kind) }
