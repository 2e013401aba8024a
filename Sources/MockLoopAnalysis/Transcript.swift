/// What was said, in order: who said it, and when when the source knows.
public struct Transcript: Sendable, Equatable {
    public enum Format: String, Codable, Sendable, CaseIterable {
        case vtt, srt, text
    }

    public var format: Format
    public var segments: [Segment]

    public init(format: Format, segments: [Segment]) {
        self.format = format
        self.segments = segments
    }

    /// Plain text has no clock: timing metrics are then unavailable, never guessed.
    public var isTimed: Bool { !segments.isEmpty && segments.allSatisfy { $0.start != nil && $0.end != nil } }

    /// Speakers by how many words they said, most first.
    public var speakersByWords: [(name: String, words: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for s in segments {
            let name = s.speaker ?? ""
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += Tokenizer.wordCount(s.text)
        }
        return order.map { ($0, counts[$0]!) }.sorted { $0.words > $1.words }
    }
}

/// One cue or one labelled paragraph.
public struct Segment: Sendable, Equatable {
    public var start: Double?
    public var end: Double?
    public var speaker: String?
    public var text: String
    /// The line of the source file the segment starts on, for error messages.
    public var line: Int

    public init(start: Double? = nil, end: Double? = nil, speaker: String?, text: String, line: Int = 0) {
        self.start = start
        self.end = end
        self.speaker = speaker
        self.text = text
        self.line = line
    }
}
