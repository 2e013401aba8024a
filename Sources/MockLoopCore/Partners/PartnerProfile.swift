import Foundation

/// Someone's opt-in partner profile: who they practise for, what they give and want, when they
/// are free. Others see the handle; the name only where both people agreed to show names.
public struct PartnerProfile: Equatable, Sendable {
    public var userID: UUID
    public var handle: String
    /// Suggested to others, and open to requests. Off keeps the profile but hides it.
    public var visible: Bool
    public var companies: [String]
    public var tier: CompanyTier
    public var level: Level
    public var wants: [InterviewType]
    public var offers: [InterviewType]
    /// An IANA time zone, "Europe/Berlin".
    public var timeZone: String
    public var availability: Availability
    /// Spoken languages; empty means any.
    public var languages: [String]
    public var loops: [PassedLoop]

    public init(
        userID: UUID, handle: String, visible: Bool = true, companies: [String] = [], tier: CompanyTier = .tier1,
        level: Level = .senior, wants: [InterviewType] = [], offers: [InterviewType] = [], timeZone: String = "UTC",
        availability: Availability = Availability(), languages: [String] = [], loops: [PassedLoop] = []
    ) {
        self.userID = userID
        self.handle = handle
        self.visible = visible
        self.companies = companies
        self.tier = tier
        self.level = level
        self.wants = wants
        self.offers = offers
        self.timeZone = timeZone
        self.availability = availability
        self.languages = languages
        self.loops = loops
    }

    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    /// Words the partner pages use in their own paths.
    static let reservedHandles: Set<String> = ["profile", "blocked", "new", "requests", "admin"]

    /// A handle: 3 to 24 lower-case letters, digits and hyphens, starting with a letter.
    public static func validHandle(_ s: String) -> Bool {
        guard (3...24).contains(s.count), !reservedHandles.contains(s), let first = s.unicodeScalars.first, ("a"..."z").contains(first)
        else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The handle offered before someone picks one: two words and a number from their id, so
    /// it says nothing about them.
    public static func suggestedHandle(for id: UUID) -> String {
        let adjectives = [
            "amber", "brisk", "calm", "deft", "eager", "fleet", "keen", "lucid", "merry", "nimble", "quiet", "rapid", "steady", "sunny",
            "tidy", "witty",
        ]
        let animals = [
            "otter", "heron", "lynx", "marten", "osprey", "puffin", "robin", "seal", "stoat", "swift", "tern", "vole", "wren", "yak",
            "zebra", "koala",
        ]
        let b = id.uuid
        return "\(adjectives[Int(b.0 % 16)])-\(animals[Int(b.1 % 16)])-\(Int(b.2) % 90 + 10)"
    }
}

/// A profile as typed into the form or sent to the API, before it is checked.
public struct PartnerProfileInput: Codable, Sendable, Equatable {
    public struct Loop: Codable, Sendable, Equatable {
        public var company: String?
        public var tier: String?
        public var level: String?
        public var types: [String]?
        public var month: String?
        public init(company: String?, tier: String?, level: String?, types: [String]?, month: String?) {
            self.company = company
            self.tier = tier
            self.level = level
            self.types = types
            self.month = month
        }
    }

    public var handle: String?
    public var visible: Bool?
    public var companies: [String]?
    public var tier: String?
    public var level: String?
    public var wants: [String]?
    public var offers: [String]?
    public var timeZone: String?
    /// Lines like "Mon-Fri 18:00-20:00".
    public var availability: String?
    /// Lines like "2026-12-24 off".
    public var exceptions: String?
    public var languages: [String]?
    public var loops: [Loop]?

    public init() {}

    /// The profile, or every problem by its field ("loops.1.month" for the second loop's month).
    /// Loops keep their verified mark when one with the same company, level and month was verified.
    public func profile(userID: UUID, today: Int, verified: [PassedLoop] = []) throws -> PartnerProfile {
        var problems = FieldProblems()
        let handle = (self.handle ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !PartnerProfile.validHandle(handle) {
            problems.add("handle", "must be 3–24 lower-case letters, digits or hyphens, starting with a letter")
        }
        let companies = (self.companies ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if companies.count > 5 { problems.add("companies", "name at most 5 companies") }
        if companies.contains(where: { $0.count > 60 }) { problems.add("companies", "each company must be at most 60 characters") }
        let tier = tier.flatMap { CompanyTier(loose: $0) }
        if tier == nil { problems.add("tier", "must be one of tier1, tier2, tier3") }
        let level = level.flatMap { Level(loose: $0) }
        if level == nil { problems.add("level", "must be one of junior, mid, senior, staff") }
        let wants = Self.types(self.wants, "wants", &problems)
        let offers = Self.types(self.offers, "offers", &problems)
        if wants.isEmpty && offers.isEmpty { problems.add("wants", "choose at least one type you want or offer") }
        let zone = (timeZone ?? "").trimmingCharacters(in: .whitespaces)
        // An "Area/Place" name the time-zone database knows ("Asia/Kolkata"), or UTC; not an
        // abbreviation or a fixed offset, which would not follow daylight saving.
        if TimeZone(identifier: zone) == nil || !(zone.contains("/") || zone == "UTC") || zone.hasPrefix("Etc/GMT") {
            problems.add("timeZone", "must be an IANA time zone such as Europe/Berlin or America/Los_Angeles")
        }
        var availability = Availability()
        do { availability.weekly = try WeeklyAvailability.parse(self.availability ?? "") } catch let e as MockLoopError {
            for (f, p) in e.fields { problems.add(f, p) }
        }
        do { availability.exceptions = try AvailabilityException.parseAll(exceptions ?? "") } catch let e as MockLoopError {
            for (f, p) in e.fields { problems.add(f, p) }
        }
        let languages = (self.languages ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if languages.count > 8 || languages.contains(where: { $0.count > 30 }) {
            problems.add("languages", "name at most 8 languages of at most 30 characters")
        }
        var loops: [PassedLoop] = []
        if (self.loops ?? []).count > 10 { problems.add("loops", "list at most 10 loops") }
        for (n, input) in (self.loops ?? []).prefix(10).enumerated() {
            let (loop, found) = PassedLoop.parse(
                company: input.company, tier: input.tier, level: input.level, types: input.types ?? [], month: input.month,
                field: "loops.\(n).", now: LocalMonth(day: today))
            for (f, p) in found { problems.add(f, p) }
            if var loop {
                loop.verified = verified.contains {
                    $0.company.lowercased() == loop.company.lowercased() && $0.level == loop.level && $0.month == loop.month
                }
                loops.append(loop)
            }
        }
        try problems.check()
        return PartnerProfile(
            userID: userID, handle: handle, visible: visible ?? true, companies: companies, tier: tier!, level: level!,
            wants: wants, offers: offers, timeZone: zone, availability: availability, languages: languages, loops: loops)
    }

    static func types(_ names: [String]?, _ field: String, _ problems: inout FieldProblems) -> [InterviewType] {
        var found: [InterviewType] = []
        for name in names ?? [] {
            guard let t = InterviewType(loose: name) else {
                problems.add(
                    field, "\"\(name.prefix(30))\" is not an interview type: coding, system_design, behavioral, api_design, data_modeling")
                continue
            }
            if !found.contains(t) { found.append(t) }
        }
        return found
    }

    /// The input that gives back this profile.
    public init(_ p: PartnerProfile) {
        handle = p.handle
        visible = p.visible
        companies = p.companies
        tier = p.tier.rawValue
        level = p.level.rawValue
        wants = p.wants.map(\.rawValue)
        offers = p.offers.map(\.rawValue)
        timeZone = p.timeZone
        availability = p.availability.weekly.text
        exceptions = p.availability.exceptions.map(\.text).joined(separator: "\n")
        languages = p.languages
        loops = p.loops.map {
            Loop(company: $0.company, tier: $0.tier.rawValue, level: $0.level.rawValue, types: $0.types.map(\.rawValue), month: $0.month)
        }
    }
}
