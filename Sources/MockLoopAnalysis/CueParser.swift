/// WebVTT and SRT: blocks of an optional id, a `start --> end` line, and text lines.
/// The speaker comes from a `<v Name>` voice tag or a `Name:` prefix (how Zoom writes cues).
enum CueParser {
    /// Speakers talking over each other overlap a little; more than this is a broken file.
    static let overlapTolerance = 1.0

    static func parse(_ lines: [String], format: Transcript.Format) throws -> Transcript {
        var segments: [Segment] = []
        var i = 0
        if format == .vtt {
            guard lines.first?.hasPrefix("WEBVTT") == true else { throw TranscriptError(line: 1, "a WebVTT file starts with WEBVTT") }
            i = 1
        }
        var lastStart = -1.0
        var lastEnd = -1.0
        while i < lines.count {
            let line = lines[i].trimmed
            if line.isEmpty {
                i += 1
                continue
            }
            if format == .vtt, line.hasPrefix("NOTE") || line == "STYLE" || line == "REGION" {
                while i < lines.count, !lines[i].isBlank { i += 1 }
                continue
            }
            // An id line (SRT's counter, or a VTT cue id) comes before the timing line.
            var timingIndex = i
            if line.firstRange(of: "-->") == nil {
                timingIndex = i + 1
                guard timingIndex < lines.count, lines[timingIndex].firstRange(of: "-->") != nil else {
                    throw TranscriptError(line: i + 1, "expected a cue timing line like 00:00:01.000 --> 00:00:04.000")
                }
            }
            let (start, end) = try timing(lines[timingIndex], line: timingIndex + 1)
            if end < start { throw TranscriptError(line: timingIndex + 1, "the cue ends before it starts") }
            if start < lastStart {
                throw TranscriptError(line: timingIndex + 1, "the cue starts before the previous cue (cues must be in order)")
            }
            if start < lastEnd - overlapTolerance {
                throw TranscriptError(line: timingIndex + 1, "the cue overlaps the previous cue by more than \(Int(overlapTolerance)) s")
            }
            lastStart = start
            lastEnd = max(lastEnd, end)
            var textLines: [String] = []
            i = timingIndex + 1
            while i < lines.count, !lines[i].isBlank {
                textLines.append(lines[i])
                i += 1
            }
            let (speaker, text) = speakerAndText(textLines.joined(separator: " "))
            if !text.isEmpty {
                segments.append(Segment(start: start, end: end, speaker: speaker, text: text, line: timingIndex + 1))
            }
        }
        return Transcript(format: format, segments: segments)
    }

    static func timing(_ raw: String, line: Int) throws -> (Double, Double) {
        let parts = raw.split(separator: "-->", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw TranscriptError(line: line, "expected one '-->' in the timing line") }
        let startText = parts[0].trimmed
        let endText = parts[1].trimmed.split(separator: " ").first.map(String.init) ?? ""
        guard let start = Timestamp.parse(Substring(startText)) else {
            throw TranscriptError(line: line, "'\(startText)' is not a timestamp like 00:01:02.500")
        }
        guard let end = Timestamp.parse(Substring(endText)) else {
            throw TranscriptError(line: line, "'\(endText)' is not a timestamp like 00:01:02.500")
        }
        return (start, end)
    }

    /// `<v Ana>Hello</v>` or `Ana: Hello`; markup tags are dropped.
    static func speakerAndText(_ raw: String) -> (String?, String) {
        var speaker: String?
        var text = raw
        if text.utf8.contains(60), let open = text.firstRange(of: "<v "), let close = text[open.upperBound...].firstIndex(of: ">") {
            speaker = String(text[open.upperBound..<close]).trimmed
        }
        text = stripTags(text)
        if speaker == nil, let label = SpeakerLabel.split(text) {
            speaker = label.speaker
            text = label.rest
        }
        return (speaker, text.trimmed)
    }

    static func stripTags(_ text: String) -> String {
        var out = text
        if text.utf8.contains(60) {
            out = ""
            var inTag = false
            for ch in text {
                if ch == "<" { inTag = true } else if ch == ">" && inTag { inTag = false } else if !inTag { out.append(ch) }
            }
        }
        // WebVTT writes <, > and & in cue text as character references.
        guard out.contains("&") else { return out }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(
            of: "&amp;", with: "&")
    }
}
