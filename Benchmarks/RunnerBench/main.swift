import Foundation
import MockLoopCore
import MockLoopRunner

// Code runner latency and throughput, each figure against a bare baseline measured in the same
// run (these machines are noisy; ratios are what to compare):
//   - Python, 50 cases, function mode: verdict latency through the sandbox vs bare python3
//     running the same harness on the same 50 cases in one process, no sandbox.
//   - JavaScript, same, vs bare node.
//   - C++ (stdio, 50 cases): compile with the precompiled header + run, vs bare g++ + run.
//   - Throughput: Python submissions per second with 2 concurrent slots vs one at a time.
//
//   swift run -c release RunnerBench          (RUNNERBENCH_RUNS=40 by default)

let runs = Int(ProcessInfo.processInfo.environment["RUNNERBENCH_RUNS"] ?? "") ?? 40
let runner = CodeRunner(configuration: .init(workDirectory: "/tmp/mockloop-runnerbench", slots: 2, uidBase: 61200))
guard runner.status.available else {
    print("sandbox unavailable: \(runner.status.reason ?? "?")")
    exit(1)
}
await runner.warmUp()
print("sandbox: \(runner.status.mode ?? "?"), probe \(String(format: "%.1f", runner.status.probeMs)) ms, \(runs) runs per figure")

// 50 bracket strings, half balanced.
var generator = SeededGenerator(seed: 7)
func bracketCase(_ i: Int) -> (String, Bool) {
    var s = ""
    var stack: [Character] = []
    let open: [Character] = ["(", "[", "{"]
    let close: [Character: Character] = ["(": ")", "[": "]", "{": "}"]
    for _ in 0..<200 {
        if !stack.isEmpty && Bool.random(using: &generator) {
            s.append(close[stack.removeLast()]!)
        } else {
            let c = open.randomElement(using: &generator)!
            stack.append(c)
            s.append(c)
        }
    }
    while let c = stack.popLast() { s.append(close[c]!) }
    if i % 2 == 1 { s.insert(")", at: s.index(s.startIndex, offsetBy: 100)) }
    return (s, i % 2 == 0)
}
let cases = (0..<50).map(bracketCase)
let functionTests = CodeTests(
    mode: .function, entryPoint: "is_balanced", compare: .exact,
    cases: cases.map { TestCase(args: .array([.string($0.0)]), expected: .bool($0.1)) })
let stdioTests = CodeTests(mode: .stdio, cases: cases.map { TestCase(stdin: $0.0 + "\n", stdout: $0.1 ? "yes\n" : "no\n") })

let python =
    "def is_balanced(s):\n    pairs = {')': '(', ']': '[', '}': '{'}\n    stack = []\n    for ch in s:\n        if ch in '([{':\n            stack.append(ch)\n        elif ch in pairs:\n            if not stack or stack.pop() != pairs[ch]:\n                return False\n    return not stack\n"
let javascript =
    "function is_balanced(s) {\n  const pairs = {')': '(', ']': '[', '}': '{'};\n  const stack = [];\n  for (const ch of s) {\n    if ('([{'.includes(ch)) stack.push(ch);\n    else if (ch in pairs && (stack.length === 0 || stack.pop() !== pairs[ch])) return false;\n  }\n  return stack.length === 0;\n}\n"
let cpp =
    "#include <bits/stdc++.h>\nint main(){ std::string s; std::cin >> s; std::vector<char> st; std::map<char,char> p{{')','('},{']','['},{'}','{'}};\n for (char c : s) { if (c=='('||c=='['||c=='{') st.push_back(c); else { if (st.empty() || st.back()!=p[c]) { std::cout << \"no\\n\"; return 0; } st.pop_back(); } }\n std::cout << (st.empty() ? \"yes\\n\" : \"no\\n\"); }\n"

func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}
func ms(_ since: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - since) / 1e6 }
func f(_ v: Double) -> String { String(format: "%.1f", v) }

/// A job directory like the sandbox's, for the bare runs.
let bareJob = "/tmp/mockloop-runnerbench/bare"
try? FileManager.default.removeItem(atPath: bareJob)
try FileManager.default.createDirectory(atPath: bareJob + "/src", withIntermediateDirectories: true)
func writeBare(_ file: String, _ text: String) { try! text.write(toFile: bareJob + "/" + file, atomically: true, encoding: .utf8) }
func casesJSON(_ tests: CodeTests) -> String {
    let inputs: [JSONValue] = tests.cases.map { c in
        tests.mode == .function ? .object(["args": c.args!]) : .object(["stdin": .string(c.stdin!)])
    }
    return String(decoding: try! JSONEncoder().encode(inputs), as: UTF8.self)
}

/// Runs a command bare (no sandbox) and waits; returns wall ms and CPU ms of the child.
func bare(_ argv: [String], stdin: String? = nil) -> (wall: Double, cpu: Double, out: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: argv[0])
    p.arguments = Array(argv.dropFirst())
    p.environment = ["PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"]  // as in the sandbox
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    if let stdin {
        let input = Pipe()
        p.standardInput = input
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
    }
    let start = DispatchTime.now().uptimeNanoseconds
    try! p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (ms(start), 0, String(decoding: data, as: UTF8.self))
}

func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
}

struct Figure {
    var sandboxed: [Double] = []
    var bare: [Double] = []
    var sandboxCPU: [Double] = []
    var bareCPU: [Double] = []
}

func measureFunction(_ language: Language, _ code: String, bareArgv: [String]) async throws -> Figure {
    writeBare("cases.json", casesJSON(functionTests))
    writeBare("src/" + (language == .python ? "solution.py" : "solution.js"), code)
    var figure = Figure()
    for i in 0..<(runs + 3) {
        let before = childrenCPU()
        let b = bare(bareArgv)
        let bareCPU = childrenCPU() - before
        precondition(b.out.split(separator: "\n").count == 50, "bare harness did not report 50 cases")
        let cpuBefore = childrenCPU()
        let start = DispatchTime.now().uptimeNanoseconds
        let report = try await runner.run(Submission(source: code, language: language, tests: functionTests))
        let latency = ms(start)
        let sandboxCPU = childrenCPU() - cpuBefore
        precondition(report.verdict == .accepted, "\(language): \(report.verdict) \(report.stderrTail ?? "")")
        if i >= 3 {  // warm-up runs are not counted
            figure.bare.append(b.wall)
            figure.sandboxed.append(latency)
            figure.bareCPU.append(bareCPU)
            figure.sandboxCPU.append(sandboxCPU)
        }
    }
    return figure
}

func report(_ name: String, _ fig: Figure, target: String) {
    let p50s = percentile(fig.sandboxed, 0.5)
    let p50b = percentile(fig.bare, 0.5)
    print(
        "\(name): verdict p50 \(f(p50s)) ms, p95 \(f(percentile(fig.sandboxed, 0.95))) ms | bare p50 \(f(p50b)) ms, p95 \(f(percentile(fig.bare, 0.95))) ms | ratio p50 \(String(format: "%.2f", p50s / p50b))×, +\(f(p50s - p50b)) ms | CPU sandboxed p50 \(f(percentile(fig.sandboxCPU, 0.5))) ms vs bare \(f(percentile(fig.bareCPU, 0.5))) ms (overhead \(f(percentile(fig.sandboxCPU, 0.5) - percentile(fig.bareCPU, 0.5))) ms) | target \(target)"
    )
}

let h = runner.harnessDirectory
let py = try await measureFunction(
    .python, python, bareArgv: ["/usr/bin/python3", "-I", "-S", "-B", h + "/function.py", "is_balanced", bareJob, "stdout"])
report("python, 50 cases", py, target: "p50 ≤ 1.7× bare, p95 ≤ 200 ms, CPU overhead ≤ 10 ms")
let js = try await measureFunction(
    .javascript, javascript, bareArgv: ["/usr/bin/node", "--max-old-space-size=256", h + "/function.js", "is_balanced", bareJob, "stdout"])
report("javascript, 50 cases", js, target: "p50 ≤ bare + 30 ms")

// C++: compile + 50 stdio cases.
var cppFigure = Figure()
writeBare("main.cpp", cpp)
for i in 0..<(min(runs, 12) + 1) {
    let start = DispatchTime.now().uptimeNanoseconds
    let report = try await runner.run(Submission(source: cpp, language: .cpp, tests: stdioTests))
    let latency = ms(start)
    precondition(report.verdict == .accepted, "cpp: \(report.verdict) \(report.compileOutput ?? "") \(report.stderrTail ?? "")")
    let bareStart = DispatchTime.now().uptimeNanoseconds
    _ = bare(["/usr/bin/g++", "-std=c++17", "-O2", "-pipe", "-o", bareJob + "/main", bareJob + "/main.cpp"])
    for c in cases { _ = bare([bareJob + "/main"], stdin: c.0 + "\n") }
    let bareLatency = ms(bareStart)
    if i >= 1 {
        cppFigure.sandboxed.append(latency)
        cppFigure.bare.append(bareLatency)
    }
}
print(
    "cpp, compile + 50 stdio cases: p50 \(f(percentile(cppFigure.sandboxed, 0.5))) ms, p95 \(f(percentile(cppFigure.sandboxed, 0.95))) ms (precompiled header) | bare g++ without it + 50 runs p50 \(f(percentile(cppFigure.bare, 0.5))) ms | ratio \(String(format: "%.2f", percentile(cppFigure.sandboxed, 0.5) / percentile(cppFigure.bare, 0.5)))× | target ≤ 1000 ms"
)

// Throughput: the same Python submission, one at a time vs two slots at once.
let total = runs
var start = DispatchTime.now().uptimeNanoseconds
for _ in 0..<total { _ = try await runner.run(Submission(source: python, language: .python, tests: functionTests)) }
let sequential = Double(total) / (ms(start) / 1000)
start = DispatchTime.now().uptimeNanoseconds
try await withThrowingTaskGroup(of: Void.self) { group in
    for _ in 0..<total { group.addTask { _ = try await runner.run(Submission(source: python, language: .python, tests: functionTests)) } }
    try await group.waitForAll()
}
let concurrent = Double(total) / (ms(start) / 1000)
print(
    "throughput (python, 50 cases): \(f(sequential)) verdicts/s one at a time, \(f(concurrent)) verdicts/s with 2 slots (\(String(format: "%.2f", concurrent / sequential))×)"
)
