import Foundation

/// Reads WebVTT (Zoom, Teams), SRT (Otter) and plain text with `Name:` labels into a transcript.
public enum TranscriptParser {
    /// Transcripts larger than this are refused before parsing (a 60-minute call is ~100 KB).
    public static let maxBytes = 20 * 1024 * 1024

    public static func parse(data: Data, format: Transcript.Format? = nil) throws -> Transcript {
        guard !data.isEmpty else { throw TranscriptError("the transcript is empty") }
        guard data.count <= maxBytes else {
            throw TranscriptError("the transcript is \(data.count / 1_048_576) MB; the limit is \(maxBytes / 1_048_576) MB")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            // Name the first line that does not decode, so the user can find it.
            for (i, line) in data.split(separator: 10, omittingEmptySubsequences: false).enumerated()
            where String(data: Data(line), encoding: .utf8) == nil {
                throw TranscriptError(line: i + 1, "is not UTF-8 text")
            }
            throw TranscriptError("the transcript is not UTF-8 text")
        }
        return try parse(text, format: format)
    }

    public static func parse(_ raw: String, format: Transcript.Format? = nil) throws -> Transcript {
        var text = raw
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard !text.isBlank else { throw TranscriptError("the transcript is empty") }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(
            String.init)
        let chosen = format ?? detect(lines)
        let transcript: Transcript
        switch chosen {
        case .vtt: transcript = try CueParser.parse(lines, format: .vtt)
        case .srt: transcript = try CueParser.parse(lines, format: .srt)
        case .text: transcript = try PlainTextParser.parse(lines)
        }
        guard !transcript.segments.isEmpty else { throw TranscriptError("the transcript has no speech in it") }
        return transcript
    }

    static func detect(_ lines: [String]) -> Transcript.Format {
        if lines.first?.hasPrefix("WEBVTT") == true { return .vtt }
        if lines.prefix(20).contains(where: { $0.contains("-->") }) { return .srt }
        return .text
    }
}
