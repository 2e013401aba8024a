import Foundation
import MockLoopCore
import MockLoopServices

/// The partner-profile form: what is saved, or what was typed with each problem by its field.
struct ProfileForm: Encodable {
    struct LoopRow: Encodable {
        var n: Int
        var company, month, types: String
        var tiers, levels: [Choice]
        var errors: [String: String]
    }

    static let loopRows = 4

    var handle, companies, timeZone, availability, exceptions, languages: String
    var visible: Bool
    var tiers, levels, wants, offers: [Choice]
    var loops: [LoopRow]
    var errors: [String: String]
    var zones: [String]

    init(_ input: PartnerProfileInput, errors: [String: String] = [:]) {
        handle = input.handle ?? ""
        companies = (input.companies ?? []).joined(separator: ", ")
        timeZone = input.timeZone ?? ""
        availability = input.availability ?? ""
        exceptions = input.exceptions ?? ""
        languages = (input.languages ?? []).joined(separator: ", ")
        visible = input.visible ?? true
        tiers = Choice.list(CompanyTier.self, selected: input.tier)
        levels = Choice.list(Level.self, selected: input.level)
        wants = InterviewType.allCases.map {
            Choice(value: $0.rawValue, label: $0.label, selected: input.wants?.contains($0.rawValue) == true)
        }
        offers = InterviewType.allCases.map {
            Choice(value: $0.rawValue, label: $0.label, selected: input.offers?.contains($0.rawValue) == true)
        }
        let given = input.loops ?? []
        loops = (0..<max(Self.loopRows, given.count)).map { n in
            let l = n < given.count ? given[n] : PartnerProfileInput.Loop(company: nil, tier: nil, level: nil, types: nil, month: nil)
            var rowErrors: [String: String] = [:]
            for (key, problem) in errors where key.hasPrefix("loops.\(n).") {
                rowErrors[String(key.dropFirst("loops.\(n).".count))] = problem
            }
            return LoopRow(
                n: n, company: l.company ?? "", month: l.month ?? "",
                types: (l.types ?? []).compactMap { InterviewType(rawValue: $0)?.label ?? $0 }.joined(separator: ", "),
                tiers: Choice.list(CompanyTier.self, selected: l.tier, blank: "Tier"),
                levels: Choice.list(Level.self, selected: l.level, blank: "Level"),
                errors: rowErrors)
        }
        self.errors = errors
        zones = TimeZone.knownTimeZoneIdentifiers.sorted()
    }

    /// The input a posted form means: lists from comma-separated text, a loop from each row
    /// with anything typed in it (the row's number is kept, so its problems land beside it).
    static func input(_ form: [String: String]) -> PartnerProfileInput {
        var input = PartnerProfileInput()
        input.handle = form["handle"]
        input.visible = form["visible"] == "on"
        input.companies = list(form["companies"])
        input.tier = form["tier"]
        input.level = form["level"]
        input.wants = InterviewType.allCases.filter { form["wants_" + $0.rawValue] == "on" }.map(\.rawValue)
        input.offers = InterviewType.allCases.filter { form["offers_" + $0.rawValue] == "on" }.map(\.rawValue)
        input.timeZone = form["timeZone"]
        input.availability = form["availability"]
        input.exceptions = form["exceptions"]
        input.languages = list(form["languages"])
        var loops: [PartnerProfileInput.Loop] = []
        for n in 0..<10 {
            let f = { (k: String) in form["loop_\(n)_\(k)"]?.trimmingCharacters(in: .whitespaces) ?? "" }
            let row = PartnerProfileInput.Loop(
                company: f("company"), tier: f("tier"), level: f("level"), types: list(f("types")), month: f("month"))
            if [f("company"), f("tier"), f("level"), f("types"), f("month")].allSatisfy(\.isEmpty) { continue }
            loops.append(row)
        }
        input.loops = loops
        return input
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
