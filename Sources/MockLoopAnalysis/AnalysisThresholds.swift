import Foundation

/// Every threshold the analysis uses, with the defaults a speech coach and a senior interviewer
/// would use. Overridable from config as one JSON value.
public struct AnalysisThresholds: Codable, Sendable, Equatable {
    /// Words per minute considered good, and the bounds outside which pace is flagged.
    public var paceGood = 120.0...165.0
    public var paceWarnBelow = 110.0
    public var paceWarnAbove = 175.0
    /// Fillers per minute: good at or under, warn above.
    public var fillersGoodPerMinute = 3.0
    public var fillersWarnPerMinute = 5.0
    /// A gap inside an answer this long is a pause; this long a silence.
    public var pauseSeconds = 3.0
    public var silenceSeconds = 5.0
    /// Gaps this long are left out of the "pace without pauses" figure.
    public var paceExcludesPausesOverSeconds = 2.0
    /// Time to first word after a question above this is flagged.
    public var firstWordSeconds = 10.0
    /// A behavioral answer this long rambles; warn from the second figure.
    public var rambleSeconds = 180.0
    public var rambleWarnSeconds = 150.0
    /// Clarifying questions count only in the opening of a technical answer.
    public var clarifyingWindowSeconds = 300.0
    /// Without timings, the opening is this share of the answer's words.
    public var clarifyingWindowShare = 0.4

    public init() {}

    /// A config file may set only the thresholds it wants to change; the rest keep their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AnalysisThresholds()
        paceGood = try c.decodeIfPresent(ClosedRange<Double>.self, forKey: .paceGood) ?? d.paceGood
        paceWarnBelow = try c.decodeIfPresent(Double.self, forKey: .paceWarnBelow) ?? d.paceWarnBelow
        paceWarnAbove = try c.decodeIfPresent(Double.self, forKey: .paceWarnAbove) ?? d.paceWarnAbove
        fillersGoodPerMinute = try c.decodeIfPresent(Double.self, forKey: .fillersGoodPerMinute) ?? d.fillersGoodPerMinute
        fillersWarnPerMinute = try c.decodeIfPresent(Double.self, forKey: .fillersWarnPerMinute) ?? d.fillersWarnPerMinute
        pauseSeconds = try c.decodeIfPresent(Double.self, forKey: .pauseSeconds) ?? d.pauseSeconds
        silenceSeconds = try c.decodeIfPresent(Double.self, forKey: .silenceSeconds) ?? d.silenceSeconds
        paceExcludesPausesOverSeconds =
            try c.decodeIfPresent(Double.self, forKey: .paceExcludesPausesOverSeconds) ?? d.paceExcludesPausesOverSeconds
        firstWordSeconds = try c.decodeIfPresent(Double.self, forKey: .firstWordSeconds) ?? d.firstWordSeconds
        rambleSeconds = try c.decodeIfPresent(Double.self, forKey: .rambleSeconds) ?? d.rambleSeconds
        rambleWarnSeconds = try c.decodeIfPresent(Double.self, forKey: .rambleWarnSeconds) ?? d.rambleWarnSeconds
        clarifyingWindowSeconds = try c.decodeIfPresent(Double.self, forKey: .clarifyingWindowSeconds) ?? d.clarifyingWindowSeconds
        clarifyingWindowShare = try c.decodeIfPresent(Double.self, forKey: .clarifyingWindowShare) ?? d.clarifyingWindowShare
    }

    /// Reads overrides from a JSON file, naming the file and field when it is wrong.
    public static func load(file path: String) throws -> AnalysisThresholds {
        guard let data = FileManager.default.contents(atPath: path) else { throw TranscriptError("cannot read thresholds file \(path)") }
        do { return try JSONDecoder().decode(AnalysisThresholds.self, from: data) } catch let DecodingError.typeMismatch(_, ctx) {
            throw TranscriptError("\(path): \(ctx.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type")
        } catch { throw TranscriptError("\(path) is not a valid thresholds JSON file") }
    }
}
