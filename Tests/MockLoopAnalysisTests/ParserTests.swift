import Foundation
import MockLoopCore
import Testing

@testable import MockLoopAnalysis

@Suite struct ParserTests {
    @Test func zoomStyleWebVTTWithNameLabels() throws {
        let vtt = """
            WEBVTT

            1
            00:00:01.000 --> 00:00:04.500
            Dana Interviewer: Tell me about a time you disagreed with your manager.

            2
            00:00:06.000 --> 00:00:12.250
            Sam Lee: Sure. At my last job I pushed back on a launch date.

            NOTE this is a comment
            that spans lines

            3
            00:00:12.500 --> 00:00:20.000
            Sam Lee: I wrote a one-page risk memo and we moved the date by two weeks.
            """
        let t = try TranscriptParser.parse(vtt)
        #expect(t.format == .vtt && t.isTimed && t.segments.count == 3)
        #expect(
            t.segments[1]
                == Segment(start: 6, end: 12.25, speaker: "Sam Lee", text: "Sure. At my last job I pushed back on a launch date.", line: 8))
        #expect(t.speakersByWords.first?.name == "Sam Lee")
    }

    @Test func voiceTagsAndHourlessTimestamps() throws {
        let vtt =
            "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ana>Hello <i>there</i></v>\n\n00:03.500 --> 00:05.000 align:start\n<v Ben>Hi.</v>\n"
        let t = try TranscriptParser.parse(vtt)
        #expect(t.segments.map(\.speaker) == ["Ana", "Ben"])
        #expect(t.segments[0].text == "Hello there")
        #expect(t.segments[1].start == 3.5)
    }

    @Test func srtFromOtterWithCRLF() throws {
        let srt =
            "1\r\n00:00:00,500 --> 00:00:02,000\r\nKim: So, how would you shard it?\r\n\r\n2\r\n00:00:03,000 --> 00:00:09,900\r\nLee: By user id, because reads are per user.\r\n"
        let t = try TranscriptParser.parse(srt)
        #expect(t.format == .srt && t.segments.count == 2)
        #expect(t.segments[1].start == 3 && t.segments[1].end == 9.9 && t.segments[1].speaker == "Lee")
    }

    @Test func plainTextWithLabelsHasNoTimings() throws {
        let text =
            "Interviewer: Walk me through it.\nCandidate: First I'd clarify the input.\nThen I'd sort it.\n\nInterviewer: Why sort?\n"
        let t = try TranscriptParser.parse(text)
        #expect(t.format == .text && !t.isTimed)
        #expect(t.segments.map(\.text) == ["Walk me through it.", "First I'd clarify the input. Then I'd sort it.", "Why sort?"])
        let report = try TranscriptAnalyzer(kind: .coding).analyze(t, candidate: "candidate")
        #expect(
            report.wordsPerMinute == nil && report.durationSeconds == nil && report.pauses == nil && report.timeToFirstWordSeconds == nil)
        #expect(report.candidate == "Candidate")
    }

    @Test(arguments: [
        ("WEBVTT\n\n00:00:01.000 --> 00:00:xx.000\nA: hi\n", 3, "timestamp"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nA: hi\n", 3, "ends before it starts"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nA: hi\n\n00:00:01.000 --> 00:00:02.000\nB: yo\n", 6, "before the previous cue"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nA: hi\n\n00:00:03.000 --> 00:00:10.000\nB: yo\n", 6, "overlaps"),
        ("1\n00:00:01,000 --> 00:00:02,000\nA: hi\n\njunk line here\nmore junk\n", 5, "timing line"),
        ("Hello there\nInterviewer: hi\n", 1, "label every speaker"),
    ])
    func brokenInputNamesTheLine(text: String, line: Int, problem: String) throws {
        #expect { try TranscriptParser.parse(text) } throws: { error in
            let e = error as? TranscriptError
            return e?.line == line && e?.problem.contains(problem) == true
        }
    }

    @Test func emptyNotUTF8AndHugeInputsAreRefused() throws {
        #expect(throws: TranscriptError.self) { try TranscriptParser.parse(data: Data()) }
        #expect(throws: TranscriptError.self) { try TranscriptParser.parse("  \n\n") }
        var bytes = Data("A: fine\n".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x41, 0x0A])
        #expect { try TranscriptParser.parse(data: bytes) } throws: { ($0 as? TranscriptError)?.line == 2 }
        let huge = Data(repeating: 0x61, count: TranscriptParser.maxBytes + 1)
        #expect { try TranscriptParser.parse(data: huge) } throws: { ($0 as? TranscriptError)?.problem.contains("limit") == true }
    }

    @Test func garbageIsAnErrorNotACrash() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 1...400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = String(decoding: bytes, as: UTF8.self)
            for format in Transcript.Format.allCases {
                do {
                    _ = try TranscriptAnalyzer(kind: .behavioral).analyze(try TranscriptParser.parse(text, format: format))
                } catch is TranscriptError {}
            }
        }
    }
}

@Suite struct ReportTests {
    static let timed = """
        WEBVTT

        00:00:00.000 --> 00:00:05.000
        Interviewer: Tell me about a project you led.

        00:00:17.000 --> 00:00:40.000
        Candidate: Um, so, at my last company our team was losing customers to slow pages. My job was to fix the checkout. We rewrote the cart service and we added caching.

        00:00:47.000 --> 00:01:10.000
        Candidate: In the end we cut latency, like, a lot, and uh customers were happier.
        """

    @Test func timedReportHasEveryKeyAndTheRightFlags() throws {
        let report = try TranscriptAnalyzer(kind: .behavioral).analyze(try TranscriptParser.parse(Self.timed))
        let json = try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as! [String: Any]
        #expect(
            Set(json.keys) == [
                "source", "candidate", "durationSeconds", "words", "wordsPerMinute", "fillers", "pauses",
                "timeToFirstWordSeconds", "answers", "redFlags", "suggestedScores", "topFix",
            ])
        #expect(report.candidate == "Candidate" && report.answers.count == 1)
        #expect(report.timeToFirstWordSeconds == 12)
        #expect(report.fillers.byWord == ["um": 1, "so": 1, "like": 1, "uh": 1])
        #expect(report.pauses?.silences == 1 && report.pauses?.longestSeconds == 7)
        #expect(report.redFlags == [.noOwnership, .vagueResult, .longSilence])
        #expect(report.topFix.contains("YOU"))
        #expect(report.suggestedScores.label == "AI" && report.suggestedScores.byDimension["own_contribution"] == 1)
        #expect(report.source.fillersAreLowerBound)
    }

    @Test func untimedMetricsAreNullInJSON() throws {
        let report = try TranscriptAnalyzer(kind: .coding).analyze(
            try TranscriptParser.parse("Interviewer: Go.\nCandidate: I'd use a heap.\n"))
        let json = try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as! [String: Any]
        for key in ["durationSeconds", "wordsPerMinute", "pauses", "timeToFirstWordSeconds"] {
            #expect(json[key] is NSNull, "\(key) is null, not 0")
        }
    }

    @Test func unknownCandidateIsNamed() throws {
        #expect { try TranscriptAnalyzer(kind: .coding).analyze(try TranscriptParser.parse("A: hi\nB: yo\n"), candidate: "Zed") } throws: {
            ($0 as? TranscriptError)?.problem.contains("Zed") == true
        }
    }
}

@Suite struct WarningTests {
    /// A behavioral answer of 2.7 minutes is close to rambling; at 3 it is a red flag.
    @Test(arguments: [(162.0, false, true), (185.0, true, false)])
    func rambling(seconds: Double, flag: Bool, warning: Bool) throws {
        let words = Array(repeating: "At my last company I rebuilt the billing flow and it reduced refunds by 30% overall.", count: 25)
            .joined(separator: " ")
        let t = Transcript(
            format: .vtt,
            segments: [
                Segment(start: 0, end: 3, speaker: "I", text: "Tell me about it."),
                Segment(start: 4, end: 4 + seconds, speaker: "C", text: words),
            ])
        let a = try TranscriptAnalyzer(kind: .behavioral).analyze(t, candidate: "C").answers[0]
        #expect(a.redFlags.contains(.rambling) == flag)
        #expect(a.warnings.contains("rambling_soon") == warning)
    }

    @Test func thresholdsFileOverridesOnlyWhatItNames() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).json")
        try #"{"silenceSeconds": 8}"#.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let t = try AnalysisThresholds.load(file: file.path)
        #expect(t.silenceSeconds == 8 && t.pauseSeconds == 3)
        try #"{"silenceSeconds": "long"}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect { try AnalysisThresholds.load(file: file.path) } throws: {
            ($0 as? TranscriptError)?.problem.contains("silenceSeconds") == true
        }
    }
}
