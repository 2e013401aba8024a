import Foundation

/// What a user is preparing for: the company tier, the level, the rounds of the loop and, when
/// known, the date of the real loop. The picker, the next-focus question, a new session's
/// defaults and the readiness line all read it, so one answer given once shapes every default.
public struct Target: Codable, Sendable, Equatable {
    public var tier: CompanyTier
    public var level: Level
    /// The rounds of the loop, in the order the user listed them; never empty.
    public var types: [InterviewType]
    /// The day of the real loop (yyyy-MM-dd), when known.
    public var loopDate: String?
    public var company: String?

    public init(
        tier: CompanyTier = .tier1, level: Level = .senior, types: [InterviewType] = [.coding, .systemDesign, .behavioral],
        loopDate: String? = nil, company: String? = nil
    ) {
        self.tier = tier
        self.level = level
        self.types = types
        self.loopDate = loopDate
        self.company = company
    }

    /// The target someone gets before they say: a Tier-1 Senior loop of the three common rounds.
    public static let assumed = Target()

    /// The first round of the loop that `allowed` contains (the AI interviewer runs three types).
    public func firstType(in allowed: [InterviewType] = InterviewType.allCases) -> InterviewType {
        types.first(where: allowed.contains) ?? allowed.first ?? .coding
    }

    /// Whole days from `now` to the loop (0 on the day itself), or nil when no date is known.
    public func daysToLoop(now: Date = Date(), timeZone: TimeZone = .current) -> Int? {
        guard let loopDate, let day = Self.day(loopDate, timeZone: timeZone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: day).day
    }

    static func day(_ text: String, timeZone: TimeZone) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = "yyyy-MM-dd"
        f.isLenient = false
        guard text.count == 10, let d = f.date(from: text), f.string(from: d) == text else { return nil }
        return d
    }

    /// Reads a target as people type it (a form, JSON, the CLI); every problem names its field.
    /// `types` is a list of type names, `loopDate` yyyy-MM-dd or empty.
    public static func parse(
        tier: String?, level: String?, types: [String], loopDate: String?, company: String?, now: Date = Date()
    ) throws -> Target {
        var problems = FieldProblems()
        let tier = CompanyTier.parse(tier, field: "tier", into: &problems)
        let level = Level.parse(level, field: "level", into: &problems)
        var rounds: [InterviewType] = []
        for raw in types where !raw.allSatisfy(\.isWhitespace) {
            guard let t = InterviewType(loose: raw) else {
                problems.add("types", "must be one of \(InterviewType.allowedList) (got '\(raw)')")
                continue
            }
            if !rounds.contains(t) { rounds.append(t) }
        }
        if rounds.isEmpty { problems.add("types", "choose at least one interview type in your loop") }
        let date = loopDate.nonEmpty
        if let date {
            if let day = Self.day(date, timeZone: TimeZone(identifier: "UTC")!) {
                if day < now.addingTimeInterval(-86_400) {
                    problems.add("loopDate", "is in the past (\(date)); leave it empty if the loop is done")
                }
                if day > now.addingTimeInterval(2 * 366 * 86_400) { problems.add("loopDate", "is more than two years away (\(date))") }
            } else {
                problems.add("loopDate", "must be a date like 2026-12-15 (got '\(date)')")
            }
        }
        let company = company.nonEmpty
        if let company, company.count > 120 { problems.add("company", "is longer than 120 characters") }
        try problems.check()
        return Target(tier: tier!, level: level!, types: rounds, loopDate: date, company: company)
    }
}
