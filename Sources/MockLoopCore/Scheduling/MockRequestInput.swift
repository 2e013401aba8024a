import Foundation

/// A request for a mock as people send it (a form, JSON): the kind of mock, the question tier,
/// its length, up to three start times (ISO 8601 in UTC, e.g. `2026-12-01T18:00:00Z`) and a note.
/// The one who asks is the candidate; the other person interviews.
public struct MockRequestInput: Codable, Sendable, Equatable {
    public var type: String?
    public var tier: String?
    public var minutes: Int?
    public var slots: [String]?
    public var note: String?

    public init(type: String? = nil, tier: String? = nil, minutes: Int? = nil, slots: [String]? = nil, note: String? = nil) {
        self.type = type
        self.tier = tier
        self.minutes = minutes
        self.slots = slots
        self.note = note
    }

    public static let maxSlots = 3
    public static let maxNote = 500
    /// A slot must leave the other person this long to answer.
    public static let leadTime: TimeInterval = 30 * 60

    /// A request that was checked: every slot lies in the time both are free.
    public struct Checked: Sendable, Equatable {
        public var type: InterviewType
        public var tier: CompanyTier
        public var minutes: Int
        public var slots: [Date]
        public var note: String
    }

    /// Checks the request against what the two people want and offer and the time they share;
    /// every problem names its field (`slots.1` for the second time).
    public func checked(
        wants: [InterviewType], offers: [InterviewType], defaultTier: CompanyTier, finder: SlotFinder, now: Date
    ) throws -> Checked {
        var problems = FieldProblems()
        let type = InterviewType.parse(self.type, field: "type", into: &problems)
        if let type, !wants.contains(type) || !offers.contains(type) {
            problems.add("type", "\(type.label) mocks are not one you want that they give")
        }
        let tier = CompanyTier.parse(self.tier, field: "tier", into: &problems, required: false) ?? defaultTier
        let minutes = self.minutes ?? type.map(PhasePlan.defaultMinutes) ?? 45
        if !PhasePlan.minuteRange.contains(minutes) {
            problems.add("minutes", "must be from \(PhasePlan.minuteRange.lowerBound) to \(PhasePlan.minuteRange.upperBound)")
        }
        let raw = (slots ?? []).filter { !$0.allSatisfy(\.isWhitespace) }
        if raw.isEmpty { problems.add("slots", "choose at least one time") }
        if raw.count > Self.maxSlots { problems.add("slots", "choose at most \(Self.maxSlots) times (got \(raw.count))") }
        var dates: [Date] = []
        for (i, text) in raw.prefix(Self.maxSlots).enumerated() {
            guard let date = Self.date(text) else {
                problems.add("slots.\(i)", "'\(text.prefix(40))' is not a time like 2026-12-01T18:00:00Z")
                continue
            }
            if dates.contains(date) {
                problems.add("slots.\(i)", "is the same time as another slot")
            } else if date < now.addingTimeInterval(Self.leadTime) {
                problems.add("slots.\(i)", "must be at least 30 minutes from now")
            } else if !finder.fits(date, minutes: minutes) {
                problems.add("slots.\(i)", "you are not both free for \(minutes) minutes from \(Self.text(date)) UTC")
            }
            dates.append(date)
        }
        let note = (self.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > Self.maxNote { problems.add("note", "must be at most \(Self.maxNote) characters (got \(note.count))") }
        try problems.check()
        return Checked(
            type: try problems.checked(type, "type"), tier: tier, minutes: minutes, slots: dates.sorted(), note: note)
    }

    /// `2026-12-01T18:00:00Z` (seconds and the Z may be left out; an offset such as +01:00 is read).
    public static func date(_ text: String) -> Date? {
        var t = text.trimmingCharacters(in: .whitespaces)
        guard t.count >= 16, t.count <= 25 else { return nil }
        let clock = t.index(t.startIndex, offsetBy: 16)
        if t.count == 16 || t[clock] != ":" { t.insert(contentsOf: ":00", at: clock) }
        if t.count == 19 { t += "Z" }
        return ISO8601DateFormatter().date(from: t)
    }

    /// The form a slot is written in: `2026-12-01T18:00:00Z`.
    public static func text(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: date)
    }
}
