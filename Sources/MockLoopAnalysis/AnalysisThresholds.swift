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
}
