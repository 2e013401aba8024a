import Foundation
import Testing

/// Runs `mockloop` in a fresh data directory and returns what it printed and its exit code.
struct CLI {
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("mockloop-cli-\(UUID().uuidString)")

    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mockloop")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        // The test bundle sits in .build/<config>/; fall back to the debug build next to the sources.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/mockloop")
    }

    /// `usesStore: false` for commands that read no data (`analyze`).
    func run(_ args: [String], usesStore: Bool = true) throws -> (out: String, err: String, code: Int32) {
        let p = Process()
        p.executableURL = Self.executable
        p.arguments = args + (usesStore ? ["--data-dir", dataDir.path] : [])
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = nil
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), p.terminationStatus)
    }

    func json(_ args: [String]) throws -> Any {
        let r = try run(args + ["--json"])
        #expect(r.code == 0, "\(args): \(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8))
    }

    func cleanUp() { try? FileManager.default.removeItem(at: dataDir) }
}

@Suite(.serialized) struct CLITests {
    @Test func theTargetIsSetOnceAndTheLogFiltersByStatus() throws {
        let cli = CLI()
        defer { cli.cleanUp() }
        let assumed = try cli.run(["target"])
        #expect(assumed.code == 0 && assumed.out.contains("Tier 1 · Senior") && assumed.out.contains("assumed"))
        let bad = try cli.run(["target", "set", "--tier", "tier1", "--level", "principal", "--types", "coding"])
        #expect(bad.code == 1 && bad.err.contains("level") && bad.err.contains("principal"))
        let set = try cli.json(["target", "set", "--tier", "tier2", "--level", "staff", "--types", "system_design,coding"])
        #expect((set as? [String: Any])?["level"] as? String == "staff")
        let shown = try cli.run(["target"])
        #expect(shown.out.contains("Tier 2 · Staff · System design, Coding") && !shown.out.contains("assumed"))
        #expect(try cli.run(["log", "add", "--type", "coding", "--score", "clarification=2"]).code == 0)
        let none = try cli.run(["log", "list", "--status", "planned"])
        #expect(none.code == 0 && none.out.contains("0 of 0 sessions"))
        let done = try cli.run(["log", "list", "--status", "completed"])
        #expect(done.out.contains("1 of 1 session") && done.out.contains("completed"))
        #expect(try cli.run(["log", "list", "--status", "asleep"]).code == 1)
    }

    @Test func accountsAreMadeFromTheCommandLineAndANetworkAddressNeedsThem() throws {
        let cli = CLI()
        defer { cli.cleanUp() }
        let made = try cli.run(["users", "create", "--admin", "Admin@Example.org"])
        #expect(made.code == 0 && made.out.contains("admin@example.org created (admin)"), "\(made.err)")
        let link = made.out.split(separator: "\n").first { $0.contains("/password/") }.map(String.init) ?? ""
        #expect(link.hasPrefix("http://127.0.0.1:8080/password/") && link.count > 70, "a one-time link with 256 random bits")
        let again = try cli.run(["users", "create", "admin@example.org"])
        #expect(again.code == 1 && again.err.contains("already exists"))
        let reset = try cli.run(["users", "reset", "admin@example.org"])
        #expect(reset.code == 0 && reset.out.contains("/password/") && !reset.out.contains(String(link.suffix(20))), "a new link")
        #expect(try cli.run(["users", "reset", "nobody@example.org"]).err.contains("No account has the email nobody@example.org"))
        #expect(try cli.run(["users", "promote", "--revoke", "admin@example.org"]).code == 1, "the only admin stays one")
        #expect(try cli.run(["users", "create", "not-an-email"]).code == 1)
        let open = try cli.run(["serve", "--hostname", "0.0.0.0", "--port", "0"])
        #expect(open.code != 0 && open.err.contains("--accounts") && open.err.contains("MOCKLOOP_ACCOUNTS=on"))
    }

    @Test func rubricsAndQuestions() throws {
        let cli = CLI()
        defer { cli.cleanUp() }
        let rubrics = try cli.json(["rubrics", "list"]) as? [[String: Any]] ?? []
        #expect(rubrics.count == 5)
        let md = try cli.run(["rubrics", "export", "behavioral"])
        #expect(md.code == 0 && md.out.hasPrefix("# ") && md.out.contains("| 3 |"))
        let a =
            try cli.json(["questions", "pick", "--type", "coding", "--level", "senior", "--tier", "tier1", "--seed", "11"])
            as? [String: Any]
        let b =
            try cli.json(["questions", "pick", "--type", "coding", "--level", "senior", "--tier", "tier1", "--seed", "11"])
            as? [String: Any]
        #expect((a?["question"] as? [String: Any])?["id"] as? String == (b?["question"] as? [String: Any])?["id"] as? String)
        let list = try cli.run(["questions", "list", "--type", "behavioral"])
        #expect(list.code == 0 && list.out.contains("ID") && list.out.contains("questions"))
        for line in list.out.split(separator: "\n") { #expect(line.count <= 200) }
    }

    @Test func questionPacksImportWithAReportAndExport() throws {
        let cli = CLI()
        defer { cli.cleanUp() }
        try FileManager.default.createDirectory(at: cli.dataDir, withIntermediateDirectories: true)
        let pack = cli.dataDir.appendingPathComponent("week3.yaml")
        try """
        pack: 1
        name: Week 3
        questions:
          - title: Reverse the playlist
            type: coding
            difficulty: easy
            prompt: Reverse it.
          - id: balanced-brackets
            title: Clash
            type: coding
            difficulty: easy
            prompt: Same id as a built-in.
        """.write(to: pack, atomically: true, encoding: .utf8)
        let imported = try cli.run(["questions", "import", pack.path])
        #expect(imported.code == 0, "\(imported.err)")
        #expect(
            imported.out.contains("1 questions added") && imported.out.contains("Refused question balanced-brackets"), "\(imported.out)")
        let exported = try cli.run(["questions", "export", "--pack", "--name", "Mine"])
        #expect(exported.code == 0 && exported.out.contains("pack: 1") && exported.out.contains("reverse-the-playlist"))
        let bad = cli.dataDir.appendingPathComponent("bad.yaml")
        try "pack: 1\nname: Bad\nquestions:\n  - id: x\n    title: X\n    type: nonsense\n    difficulty: easy\n    prompt: P\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let refused = try cli.run(["questions", "import", bad.path])
        #expect(refused.code != 0)
        #expect(refused.err.contains("bad.yaml") && refused.err.contains("'x'") && refused.err.contains("type"), "\(refused.err)")
    }

    @Test func logAddListExportAndImportElsewhere() throws {
        let cli = CLI()
        let fresh = CLI()
        defer {
            cli.cleanUp()
            fresh.cleanUp()
        }
        let add = try cli.run([
            "log", "add", "--type", "system_design", "--mode", "paid_pro", "--interviewer", "Kai", "--title", "Design a cache",
            "--score", "capacity_estimation=1", "--score", "requirements=3", "--self", "capacity_estimation=2",
            "--went-well", "Good requirements", "--went-wrong", "No numbers", "--fix-dimension", "capacity_estimation",
            "--fix", "Estimate before drawing", "--drill", "5 estimations out loud", "--date", "2026-11-02",
        ])
        #expect(add.code == 0 && add.out.contains("Logged session"), "\(add.err)")
        let page = try cli.json(["log", "list"]) as? [String: Any]
        #expect(page?["total"] as? Int == 1)
        let csvPath = cli.dataDir.appendingPathComponent("log.csv").path
        #expect(try cli.run(["log", "export", "--format", "csv", "--out", csvPath]).code == 0)
        let imported = try fresh.run(["log", "import", csvPath])
        #expect(imported.code == 0 && imported.out.contains("Imported 1"), "\(imported.err)")
        let again = try fresh.run(["log", "import", csvPath])
        #expect(again.out.contains("Imported 0, already present 1"))
        let entries = (try fresh.json(["log", "list"]) as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        #expect(entries.first?["interviewer"] as? String == "Kai")
    }

    @Test func badInputExitsNonZeroWithOneLineReason() throws {
        let cli = CLI()
        defer { cli.cleanUp() }
        let badType = try cli.run(["log", "add", "--type", "cooking"])
        #expect(badType.code != 0)
        #expect(badType.err.hasPrefix("error: --type") && badType.err.split(separator: "\n").count == 1)
        let badScore = try cli.run(["log", "add", "--type", "coding", "--score", "clarification=4"])
        #expect(badScore.code != 0 && badScore.err.contains("interviewerScores.clarification"))
        let csv = cli.dataDir.appendingPathComponent("bad.csv")
        try FileManager.default.createDirectory(at: cli.dataDir, withIntermediateDirectories: true)
        try "date,type,clarification\n2026-11-01,coding,2\n2026-11-02,coding,0\n".write(to: csv, atomically: true, encoding: .utf8)
        let imp = try cli.run(["log", "import", csv.path])
        #expect(imp.code == 1 && imp.out.contains("line 3") && imp.out.contains("Imported 1"))
        let missing = try cli.run(["rubrics", "show", "nope"])
        #expect(missing.code != 0 && missing.err.contains("not found"))
        let noProfile = try cli.run(["partners", "--local"])
        #expect(noProfile.code == 1 && noProfile.err.hasPrefix("error: Make your partner profile first"))
        let badLimit = try cli.run(["partners", "--limit", "0"], usesStore: false)
        #expect(badLimit.code != 0 && badLimit.err.contains("--limit"))
    }
}

@Suite struct AnalyzeCLITests {
    @Test func analyzePrintsTheFixFirstAndJSONWithTheDocumentedKeys() throws {
        let cli = CLI()
        defer { cli.cleanUp() }
        try FileManager.default.createDirectory(at: cli.dataDir, withIntermediateDirectories: true)
        let file = cli.dataDir.appendingPathComponent("mock.srt")
        try
            "1\n00:00:00,000 --> 00:00:03,000\nKim: Find the shortest path.\n\n2\n00:00:04,000 --> 00:00:30,000\nLee: I'd run BFS from the start because edges are unweighted.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let text = try cli.run(["analyze", file.path, "--kind", "coding"], usesStore: false)
        #expect(text.code == 0 && text.out.hasPrefix("Fix first:"))
        let json = try cli.run(["analyze", file.path, "--kind", "coding", "--json"], usesStore: false)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any] ?? [:]
        #expect(
            Set(object.keys) == [
                "source", "candidate", "durationSeconds", "words", "wordsPerMinute", "fillers", "pauses",
                "timeToFirstWordSeconds", "answers", "redFlags", "suggestedScores", "topFix",
            ])
        #expect((object["redFlags"] as? [String])?.contains("no_complexity") == true)
        try "1\n00:00:05,000 --> 00:00:01,000\nKim: hi\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try cli.run(["analyze", file.path], usesStore: false)
        #expect(bad.code != 0 && bad.err.contains("line 2"))
    }

    @Test func runCodeExitCodesAndOutput() throws {
        let cli = CLI()
        defer { cli.cleanUp() }
        try FileManager.default.createDirectory(at: cli.dataDir, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws -> String {
            let url = cli.dataDir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let good = try write(
            "good.py",
            "def is_balanced(s):\n    pairs = {')': '(', ']': '[', '}': '{'}\n    stack = []\n    for ch in s:\n        if ch in '([{':\n            stack.append(ch)\n        elif ch in pairs and (not stack or stack.pop() != pairs[ch]):\n            return False\n    return not stack\n"
        )
        let wrong = try write("wrong.py", "def is_balanced(s):\n    return True\n")
        let accepted = try cli.run(["run-code", good, "--question", "balanced-brackets"])
        #expect(accepted.code == 0, "\(accepted.err)")
        #expect(accepted.out.hasPrefix("Accepted — 12/12 tests passed"))

        let rejected = try cli.run(["run-code", wrong, "--question", "balanced-brackets", "--json"])
        #expect(rejected.code == 1)
        let json = try JSONSerialization.jsonObject(with: Data(rejected.out.utf8)) as? [String: Any] ?? [:]
        #expect(json["verdict"] as? String == "wrong_answer")
        #expect(json["compiled"] as? Bool == true)
        #expect((json["tests"] as? [[String: Any]])?.first?["timeMs"] is Double)
        #expect(json["totalMs"] is Double)

        let tests = try write(
            "tests.json", #"{"mode": "stdio", "cases": [{"stdin": "2 3\n", "stdout": "5\n"}, {"stdin": "7 8\n", "stdout": "15\n"}]}"#)
        let cpp = try write("sum.cpp", "#include <iostream>\nint main(){ long a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }\n")
        let stdio = try cli.run(["run-code", cpp, "--tests", tests], usesStore: false)
        #expect(stdio.code == 0, "\(stdio.out) \(stdio.err)")
        #expect(stdio.out.contains("2/2 tests passed"))

        let noTests = try cli.run(["run-code", good], usesStore: false)
        #expect(noTests.code == 2 && noTests.err.contains("--question"))
        let missingFile = try cli.run(["run-code"], usesStore: false)
        #expect(missingFile.code == 2)
        let broken = try write("broken.json", #"{"mode": "stdio", "cases": [{"stdin": "1"}]}"#)
        let badTests = try cli.run(["run-code", cpp, "--tests", broken], usesStore: false)
        #expect(badTests.code == 2 && badTests.err.contains("tests.cases[0].stdout"), "\(badTests.err)")
        let unknown = try cli.run(["run-code", good, "--question", "no-such-question"])
        #expect(unknown.code == 2 && unknown.err.contains("no-such-question"))
    }

    @Test func reportAsTextMarkdownHTMLAndJSON() throws {
        let cli = CLI()
        defer { cli.cleanUp() }
        for (i, score) in [1, 2, 1].enumerated() {
            let r = try cli.run([
                "log", "add", "--type", "coding", "--mode", "peer", "--date", "2026-11-0\(i + 2)",
                "--score", "testing_edge_cases=\(score)", "--score", "clarification=3", "--self", "testing_edge_cases=3",
                "--fix-dimension", "testing_edge_cases", "--fix", "Trace one example before running tests",
                "--drill", "Five problems, three edge cases each, out loud", "--went-well", "Clear plan because I restated it",
                "--went-wrong", "Skipped edge cases",
            ])
            #expect(r.code == 0, "\(r.err)")
        }
        let text = try cli.run(["report", "--type", "coding", "--tz", "Europe/Berlin"])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.hasPrefix("Insights: Coding"))
        // The text wraps at 80 columns, so phrases are matched with their line breaks folded.
        #expect(text.out.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("7 more needed"))
        let wide = text.out.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "lines over 80 columns: \(wide)")

        let out = cli.dataDir.appendingPathComponent("report-md")
        let md = try cli.run(["report", "--format", "md", "--out", out.path])
        #expect(md.code == 0, "\(md.err)")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Insights: Coding"))
        let linked = markdown.split(separator: "(").compactMap { $0.split(separator: ")").first }.filter { $0.hasSuffix(".svg") }
        #expect(linked.count >= 3)
        for file in linked {
            let svg = try String(contentsOf: out.appendingPathComponent(String(file)), encoding: .utf8)
            #expect(svg.hasPrefix("<svg") && svg.contains("<title") && svg.contains("<desc"), "\(file)")
        }

        let html = try cli.run(["report", "--format", "html", "--out", out.path])
        #expect(html.code == 0)
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("Did the fix work?"))

        let json = try cli.json(["report", "--window", "10"]) as? [String: Any] ?? [:]
        #expect(json["sessions"] as? Int == 3 && json["window"] as? String == "10")

        let bad = try cli.run(["report", "--window", "fortnight"])
        #expect(bad.code == 1 && bad.err.contains("--window"))
        let noDir = try cli.run(["report", "--format", "md"])
        #expect(noDir.code == 1 && noDir.err.contains("--out"))
    }
}
