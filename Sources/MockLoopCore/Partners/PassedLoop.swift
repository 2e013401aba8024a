/// A real interview loop someone passed: self-declared, marked verified by an admin who checked.
public struct PassedLoop: Codable, Equatable, Sendable {
    public var company: String
    public var tier: CompanyTier
    public var level: Level
    public var types: [InterviewType]
    /// "2026-09".
    public var month: String
    public var verified: Bool

    public init(company: String, tier: CompanyTier, level: Level, types: [InterviewType], month: String, verified: Bool = false) {
        self.company = company
        self.tier = tier
        self.level = level
        self.types = types
        self.month = month
        self.verified = verified
    }

    /// Months since year 0 of a "YYYY-MM" month, nil when it is not one.
    public static func monthNumber(_ s: String) -> Int? {
        let p = s.split(separator: "-")
        guard p.count == 2, p[0].count == 4, p[1].count == 2, let y = Int(p[0]), let m = Int(p[1]), (1...12).contains(m),
            (1990...2999).contains(y)
        else { return nil }
        return y * 12 + m - 1
    }

    /// Parses the fields as typed; each problem names its field with the loop's number.
    public static func parse(
        company: String?, tier: String?, level: String?, types: [String], month: String?, field: String, now: LocalMonth
    ) -> (loop: PassedLoop?, problems: [String: String]) {
        var problems = FieldProblems()
        let name = (company ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.add("\(field)company", "is required") }
        if name.count > 60 { problems.add("\(field)company", "must be at most 60 characters") }
        let t = tier.flatMap { CompanyTier(loose: $0) }
        if t == nil { problems.add("\(field)tier", "must be one of tier1, tier2, tier3") }
        let l = level.flatMap { Level(loose: $0) }
        if l == nil { problems.add("\(field)level", "must be one of junior, mid, senior, staff") }
        let ts = types.compactMap { InterviewType(loose: $0) }
        if ts.isEmpty || ts.count != types.count {
            problems.add("\(field)types", "name at least one interview type: coding, system_design, …")
        }
        let m = (month ?? "").trimmingCharacters(in: .whitespaces)
        if let n = monthNumber(m) {
            if n > now.number { problems.add("\(field)month", "is in the future") }
        } else {
            problems.add("\(field)month", "must be a month like 2026-09")
        }
        guard problems.error == nil, let t, let l else { return (nil, problems.fields) }
        return (PassedLoop(company: name, tier: t, level: l, types: ts, month: m), [:])
    }
}

/// A month as a number (year × 12 + month − 1): loops fade by months since.
public struct LocalMonth: Sendable {
    public let number: Int
    public init(number: Int) { self.number = number }
    public init(day: Int) {
        let c = LocalDay.civil(day)
        number = c.year * 12 + c.month - 1
    }
}
