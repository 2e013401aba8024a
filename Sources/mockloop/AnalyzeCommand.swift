import ArgumentParser
import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopServices

/// `mockloop analyze FILE`: what a speech coach and a senior interviewer would notice.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a transcript (WebVTT, SRT or 'Name:' text): fillers, pace, pauses, STAR, ownership, numbers, red flags.")

    @Argument(help: "Transcript file.") var file: String
    @Option(help: "vtt, srt or text (default: detected).") var format: String?
    @Option(help: "behavioral, coding or system-design.") var kind = "behavioral"
    @Option(help: "The candidate's speaker name (default: whoever talks most).") var candidate: String?
    @Option(help: "JSON file overriding analysis thresholds (default: $MOCKLOOP_ANALYSIS_THRESHOLDS).") var thresholds: String?
    @OptionGroup var output: OutputOptions

    func run() async throws {
        do {
            guard let type = InterviewType(loose: kind) else {
                throw MockLoopError.invalid("--kind", "must be behavioral, coding or system-design (got '\(kind)')")
            }
            var chosen: Transcript.Format?
            if let format {
                guard let f = Transcript.Format(rawValue: format.lowercased()) else {
                    throw MockLoopError.invalid("--format", "must be vtt, srt or text (got '\(format)')")
                }
                chosen = f
            }
            guard let data = FileManager.default.contents(atPath: file) else { throw MockLoopError.invalid("FILE", "cannot read \(file)") }
            let transcript: Transcript
            do { transcript = try TranscriptParser.parse(data: data, format: chosen) } catch let e as TranscriptError {
                throw MockLoopError.invalid("FILE", "\(file): \(e.errorDescription ?? "")")
            }
            // The same resolved configuration as the server's: --thresholds, else MOCKLOOP_ANALYSIS_THRESHOLDS.
            let limits = try AppConfig.resolve(dataDir: nil, thresholdsFile: thresholds).thresholds
            let report = try TranscriptAnalyzer(kind: type, thresholds: limits).analyze(transcript, candidate: candidate)
            print(output.json ? try report.json() : AnalysisSummary(report).text)
        } catch let e as TranscriptError {
            FileHandle.standardError.write(Data("error: \(e.errorDescription ?? "")\n".utf8))
            throw ExitCode.failure
        } catch let e as MockLoopError {
            FileHandle.standardError.write(Data("error: \(e.message)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// The readable form: what to fix first on top, then the figures, each saying where it came from.
struct AnalysisSummary {
    let r: AnalysisReport

    init(_ r: AnalysisReport) { self.r = r }

    var text: String {
        func num(_ v: Double?, _ fmt: String) -> String { v.map { String(format: fmt, $0) } ?? "n/a (no timings)" }
        var lines = ["Fix first: \(r.topFix)", ""]
        lines.append(
            "Candidate: \(r.candidate)   Source: \(r.source.format)\(r.source.timed ? ", timed" : ", untimed")   Answers: \(r.answers.count)   Words: \(r.words)"
        )
        lines.append("Pace: \(num(r.wordsPerMinute, "%.0f wpm"))   Time to first word: \(num(r.timeToFirstWordSeconds, "%.1f s"))")
        let fillers = r.fillers.byWord.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append(
            "Fillers: \(r.fillers.total) (\(num(r.fillers.perMinute, "%.1f/min")))\(fillers.isEmpty ? "" : ": " + fillers)\(r.source.fillersAreLowerBound ? "  [captions: a lower bound]" : "")"
        )
        if let p = r.pauses { lines.append("Pauses ≥3 s: \(p.count), silences ≥5 s: \(p.silences)") }
        lines.append("Red flags: \(r.redFlags.isEmpty ? "none" : r.redFlags.map(\.rawValue).joined(separator: ", "))")
        lines.append(
            "AI-suggested scores (calibrate against a human): "
                + r.suggestedScores.byDimension.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for (i, a) in r.answers.enumerated() where a.words >= 30 {
            lines.append("")
            lines.append("Answer \(i + 1): \(a.words) words\(a.durationSeconds.map { String(format: ", %.0f s", $0) } ?? "")")
            let star = [
                ("S", a.star.situation.present), ("T", a.star.task.present), ("A", a.star.action.present), ("R", a.star.result.present),
            ]
            .map { $0.1 ? $0.0 : "-" }.joined()
            lines.append(
                "  STAR \(star)   I/we in action: \(a.ownership.i)/\(a.ownership.we)   numbers: \(a.quantified.isEmpty ? "none" : a.quantified.joined(separator: ", "))"
            )
            lines.append(
                "  reflection: \(a.reflection.present ? "yes" : "no")   clarifying questions: \(a.clarifyingQuestions)   complexity: \(a.technical.complexity.isEmpty ? "no" : "yes")   edge cases: \(a.technical.edgeCases.joined(separator: ", "))"
            )
            if !a.redFlags.isEmpty { lines.append("  flags: \(a.redFlags.map(\.rawValue).joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n")
    }
}
