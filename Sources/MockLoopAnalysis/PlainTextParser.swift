/// Plain text with `Name:` speaker labels. Unlabelled lines continue the current speaker.
/// There are no timings, so timing metrics come out as unavailable.
enum PlainTextParser {
    static func parse(_ lines: [String]) throws -> Transcript {
        var segments: [Segment] = []
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmed
            if line.isEmpty { continue }
            if let label = SpeakerLabel.split(line) {
                segments.append(Segment(speaker: label.speaker, text: label.rest, line: index + 1))
            } else if !segments.isEmpty {
                segments[segments.count - 1].text += (segments[segments.count - 1].text.isEmpty ? "" : " ") + line
            } else {
                segments.append(Segment(speaker: nil, text: line, line: index + 1))
            }
        }
        if segments.count > 1, segments.contains(where: { $0.speaker == nil }), segments.contains(where: { $0.speaker != nil }) {
            let first = segments.first { $0.speaker == nil }!
            throw TranscriptError(line: first.line, "text before the first 'Name:' label: label every speaker")
        }
        return Transcript(format: .text, segments: segments.filter { !$0.text.isEmpty })
    }
}
