import Foundation
import MockLoopCore

/// A timed mock's conversation as a transcript: what the analyzers read and what the session
/// keeps. Spoken answers carry real timings (from the speech events), so the transcript is
/// timed only when every answer was spoken; typing speed is not speaking pace.
public struct PracticeTranscript: Sendable {
    public static let candidate = "Candidate"
    public static let interviewer = "Interviewer"

    public let transcript: Transcript
    /// Every turn with its clock times: spoken answers from their speech events, the rest
    /// (typed answers, the interviewer) at the moment they were sent.
    let timedSegments: [Segment]

    public init(state: PracticeState) {
        let spoken = state.turns.filter { $0.speaker == .candidate && $0.kind == .answer }
        let timed = !spoken.isEmpty && spoken.allSatisfy { $0.source == .speech && $0.startedAt != nil }
        var segments: [Segment] = []
        var floor = 0.0  // cues must not start before the previous one (a hint can land mid-answer)
        for t in state.turns where [.answer, .question, .followUp, .curveball, .clarification, .hint, .moveOn].contains(t.kind) {
            let text = t.text.split(whereSeparator: \.isNewline).joined(separator: " ")
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let speaker = t.speaker == .candidate ? Self.candidate : Self.interviewer
            let start = max(floor, t.source == .speech ? min(t.startedAt ?? t.at, t.at) : t.at)
            let end = max(start, t.at)
            floor = end
            segments.append(Segment(start: start, end: end, speaker: speaker, text: text))
        }
        timedSegments = segments
        transcript = Transcript(
            format: timed ? .vtt : .text, segments: timed ? segments : segments.map { Segment(speaker: $0.speaker, text: $0.text) })
    }

    /// The text stored with the session: WebVTT with voice tags and every turn's clock time, so
    /// the session page's analysis has the times (typed turns have no duration: no pace from typing).
    public var stored: (text: String, format: String) {
        var out = "WEBVTT\n\n"
        for (i, s) in timedSegments.enumerated() {
            out +=
                "\(i + 1)\n\(Self.stamp(s.start ?? 0)) --> \(Self.stamp(s.end ?? s.start ?? 0))\n<v \(s.speaker ?? "")>\(Self.escaped(s.text))\n\n"
        }
        return (out, "vtt")
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }

    static func stamp(_ seconds: Double) -> String {
        let ms = Int((seconds * 1000).rounded())
        return String(format: "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }
}
