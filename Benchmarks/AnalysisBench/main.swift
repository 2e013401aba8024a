import Foundation
import MockLoopAnalysis
import MockLoopCore

// Analysis throughput: a 60-minute mock (~9,000 candidate words, WebVTT with cues every few
// seconds) parsed and analysed end to end, against `wc -w` counting the same file, measured in
// the same run. Prints one line per figure.
//
//   swift run -c release AnalysisBench

let runs = Int(ProcessInfo.processInfo.environment["ANALYSISBENCH_RUNS"] ?? "") ?? 30

/// Candidate speech that exercises every detector: fillers, numbers in digits and words,
/// "we" and "I", STAR cues, complexity, edge cases and trade-offs.
let lines = [
    "Um, so, at my last company our team was losing customers because checkout was slow.",
    "My job was to cut the p95 latency before the holiday peak, and I had about six weeks.",
    "I profiled the service, and, like, every request called the pricing service three times.",
    "I added a request scoped cache and we rewrote the tax lookup to batch its queries.",
    "As a result latency dropped by 40% and abandonment fell by two hundred orders a day.",
    "Looking back, I would have added dashboards much earlier, you know, because we flew blind.",
    "Can I assume the input fits in memory, and are there duplicates in the array?",
    "I'd sort it first, which is O(n log n) time, at the cost of extra space for the copy.",
    "For an empty array I return zero, and negative numbers or overflow need a guard.",
    "I'd pick Kafka over a plain queue because it keeps ordering within a partition.",
]

var vtt = "WEBVTT\n\n"
var t = 0.0
var words = 0
var cue = 0
func stamp(_ s: Double) -> String {
    String(format: "%02d:%02d:%06.3f", Int(s) / 3600, Int(s) / 60 % 60, s.truncatingRemainder(dividingBy: 60))
}
while t < 3600 {
    if cue % 12 == 0 {
        vtt += "\(stamp(t)) --> \(stamp(t + 4))\nInterviewer: What would you do next, and why?\n\n"
        t += 5
    }
    let line = lines[cue % lines.count]
    let duration = Double(line.split(separator: " ").count) / 2.9
    vtt += "\(stamp(t)) --> \(stamp(t + duration))\nCandidate: \(line)\n\n"
    words += line.split(separator: " ").count
    t += duration + (cue % 9 == 0 ? 3.5 : 0.3)
    cue += 1
}
let bytes = Double(vtt.utf8.count)

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

var times: [Double] = []
var report: AnalysisReport?
for _ in 0..<runs {
    let start = now()
    let transcript = try TranscriptParser.parse(vtt)
    report = try TranscriptAnalyzer(kind: .behavioral).analyze(transcript)
    times.append(Double(now() - start) / 1e9)
}

let file = FileManager.default.temporaryDirectory.appendingPathComponent("analysisbench-\(UUID().uuidString).vtt")
try vtt.write(to: file, atomically: true, encoding: .utf8)
defer { try? FileManager.default.removeItem(at: file) }
var wcTimes: [Double] = []
for _ in 0..<runs {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/wc")
    p.arguments = ["-w", file.path]
    p.standardOutput = FileHandle.nullDevice
    let start = now()
    try p.run()
    p.waitUntilExit()
    wcTimes.append(Double(now() - start) / 1e9)
}

let ours = median(times)
let wc = median(wcTimes)
print(String(format: "transcript: %.0f minutes, %d candidate words, %d cues, %.0f KB", t / 60, words, cue, bytes / 1024))
print(
    String(
        format: "analysis parse+analyze median=%.2f ms p_max=%.2f ms over %d runs (target < 20 ms)", ours * 1000, times.max()! * 1000, runs)
)
print(String(format: "analysis throughput=%.1f MB/s", bytes / ours / 1_048_576))
print(String(format: "wc -w (process, same file) median=%.2f ms throughput=%.1f MB/s", wc * 1000, bytes / wc / 1_048_576))
print(String(format: "ratio analysis/wc = %.2fx the time", ours / wc))
print("answers=\(report!.answers.count) fillers=\(report!.fillers.total) redFlags=\(report!.redFlags.map(\.rawValue))")
