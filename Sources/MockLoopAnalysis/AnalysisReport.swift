import Foundation

/// The whole analysis of a transcript, with exactly the documented top-level keys. Metrics the
/// source cannot support (timing from plain text) are null, never 0.
public struct AnalysisReport: Codable, Sendable, Equatable {
    public struct Source: Codable, Sendable, Equatable {
        public var format: String
        public var timed: Bool
        /// Captions from speech-to-text drop fillers, so their counts are a lower bound.
        public var fillersAreLowerBound: Bool
        public var note: String
    }

    public struct Fillers: Codable, Sendable, Equatable {
        public var total: Int
        public var perMinute: Double?
        public var byWord: [String: Int]
    }

    public struct Pauses: Codable, Sendable, Equatable {
        public var count: Int
        public var silences: Int
        public var longestSeconds: Double?
        public var wordsPerMinuteWithoutPauses: Double?
    }

    public struct SuggestedScores: Codable, Sendable, Equatable {
        /// Always "AI": these are machine suggestions, to be calibrated against human scores.
        public var label: String
        public var rubric: String
        public var byDimension: [String: Int]
    }

    public var source: Source
    public var candidate: String
    public var durationSeconds: Double?
    public var words: Int
    public var wordsPerMinute: Double?
    public var fillers: Fillers
    public var pauses: Pauses?
    public var timeToFirstWordSeconds: Double?
    public var answers: [AnswerAnalysis]
    public var redFlags: [RedFlag]
    public var suggestedScores: SuggestedScores
    public var topFix: String

    /// JSON with nulls written out, so "unavailable" is visible rather than absent.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(NullKeepingReport(self))
        return String(decoding: data, as: UTF8.self)
    }
}

/// Encodes the optional top-level metrics as explicit nulls.
private struct NullKeepingReport: Encodable {
    let r: AnalysisReport
    init(_ r: AnalysisReport) { self.r = r }

    enum Keys: String, CodingKey {
        case source, candidate, durationSeconds, words, wordsPerMinute, fillers, pauses, timeToFirstWordSeconds,
            answers, redFlags, suggestedScores, topFix
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(r.source, forKey: .source)
        try c.encode(r.candidate, forKey: .candidate)
        try c.encode(r.durationSeconds, forKey: .durationSeconds)
        try c.encode(r.words, forKey: .words)
        try c.encode(r.wordsPerMinute, forKey: .wordsPerMinute)
        try c.encode(r.fillers, forKey: .fillers)
        try c.encode(r.pauses, forKey: .pauses)
        try c.encode(r.timeToFirstWordSeconds, forKey: .timeToFirstWordSeconds)
        try c.encode(r.answers, forKey: .answers)
        try c.encode(r.redFlags, forKey: .redFlags)
        try c.encode(r.suggestedScores, forKey: .suggestedScores)
        try c.encode(r.topFix, forKey: .topFix)
    }
}
