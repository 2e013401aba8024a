import Foundation
import MockLoopCore
import Testing

@testable import MockLoopServices

/// The insights charts as SVG: dates on the time axis, a style per dimension (colour, marker,
/// dash) with a legend, and the overview across interview types.
@Suite struct ChartTests {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func rubric(_ names: [String]) -> Rubric {
        Rubric(
            id: "r", name: "R", type: .coding, description: "",
            dimensions: names.enumerated().map {
                MockLoopCore.Dimension(key: "d\($0.offset)", name: $0.element, question: "?", score1: "1", score2: "2", score3: "3")
            })
    }

    static func report(_ entries: [LogEntry], rubric: Rubric, zone: String) -> InsightsReport {
        let now = (entries.map(\.date).max() ?? Date()).addingTimeInterval(86_400)
        let input = InsightsReport.Input.from(entries, type: .coding, window: .all, now: now, timeZone: TimeZone(identifier: zone)!)
        return InsightsReport.build(input, rubric: rubric, questions: [], seen: [])
    }

    static func entry(_ seconds: Double, scores: [String: Int], mode: SessionMode = .peer) -> LogEntry {
        LogEntry(
            id: UUID(), date: Date(timeIntervalSince1970: seconds), type: .coding, mode: mode, status: .completed, rubricId: "r",
            scores: ScoreSheet(interviewerScores: scores.mapValues { DimensionScore(score: $0) }))
    }

    /// Text elements that read like "Nov 3": the date ticks.
    static func dateLabels(_ svg: String) -> [String] {
        svg.components(separatedBy: "</text>").compactMap { piece in
            guard let open = piece.lastIndex(of: ">") else { return nil }
            let label = String(piece[piece.index(after: open)...])
            let parts = label.split(separator: " ")
            return parts.count == 2 && months.contains(String(parts[0])) && Int(parts[1]) != nil ? label : nil
        }
    }

    /// Every `<tag …/>` element, in order.
    static func elements(_ tag: String, in svg: String) -> [String] {
        svg.components(separatedBy: "<\(tag) ").dropFirst().compactMap { rest in
            rest.range(of: "/>").map { "<\(tag) " + String(rest[..<$0.upperBound]) }
        }
    }

    static func attribute(_ name: String, of element: String) -> String? {
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The first marker drawn after the series' line: its shape, told apart by tag and corners.
    static func markerShape(_ svg: String) -> String? {
        guard let line = svg.range(of: "<polyline ") else { return nil }
        let after = svg[line.upperBound...]
        guard let open = after.range(of: "/><")?.upperBound else { return nil }
        let tag = after[open...].prefix { $0 != " " }
        let corners = attribute("points", of: String(after[open...].prefix { $0 != ">" }))?.split(separator: " ").count ?? 0
        return "\(tag)\(corners)"
    }

    // Los Angeles is on PST (UTC−8) through November 2026: 05:00 and 06:30 UTC are the evening before.
    static let sessions: [Double] = [
        1_793_682_000,  // 2026-11-03T05:00Z: Nov 2 in Los Angeles
        1_793_988_000,  // Nov 6
        1_794_333_600,  // Nov 10
        1_794_679_200,  // Nov 14: the middle of six
        1_795_024_800,  // Nov 18
        1_795_501_800,  // 2026-11-24T06:30Z: Nov 23 in Los Angeles
    ]

    @Test func theTimeAxisIsDatedInTheReportsTimeZone() {
        let rubric = Self.rubric(["Clarification"])
        let six = Self.report(Self.sessions.map { Self.entry($0, scores: ["d0": 2]) }, rubric: rubric, zone: "America/Los_Angeles")
        let chart = InsightsCharts.scoreOverTime(six, dimension: rubric.dimensions[0], index: 0)
        #expect(Self.dateLabels(chart.svg) == ["Nov 2", "Nov 14", "Nov 23"], "first, middle and last session, local days")
        #expect(chart.svg.contains(">session date</text>") && !chart.svg.contains("oldest"))
        #expect(chart.summary.contains("from Nov 2, 2026 to Nov 23, 2026"), "\(chart.summary)")
        let combined = InsightsCharts.allDimensions(six, rubric: rubric)
        #expect(Self.dateLabels(combined.svg) == ["Nov 2", "Nov 14", "Nov 23"])

        let three = Self.report(
            Self.sessions.prefix(3).map { Self.entry($0, scores: ["d0": 2]) }, rubric: rubric, zone: "America/Los_Angeles")
        let short = InsightsCharts.scoreOverTime(three, dimension: rubric.dimensions[0], index: 0)
        #expect(Self.dateLabels(short.svg) == ["Nov 2", "Nov 10"], "no middle label under five points")
        let utc = Self.report(Self.sessions.map { Self.entry($0, scores: ["d0": 2]) }, rubric: rubric, zone: "UTC")
        #expect(Self.dateLabels(InsightsCharts.scoreOverTime(utc, dimension: rubric.dimensions[0], index: 0).svg).first == "Nov 3")
    }

    @Test func eachDimensionHasItsOwnStyleAndTheLegendNamesThemEscaped() {
        let names = ["Clarification", "<b>x</b>", "Q&A", "Approach", "Coding", "Testing", "Optimisation", "Communication"]
        let rubric = Self.rubric(names)
        let keys = rubric.dimensions.map(\.key)
        let entries = Self.sessions.prefix(3).enumerated().map { i, t in
            Self.entry(t, scores: Dictionary(uniqueKeysWithValues: keys.map { ($0, 1 + i) }), mode: i == 1 ? .ai : .peer)
        }
        let report = Self.report(entries, rubric: rubric, zone: "UTC")
        let multiples = rubric.dimensions.enumerated().map { InsightsCharts.scoreOverTime(report, dimension: $0.element, index: $0.offset) }
        let colours = multiples.map { Self.elements("polyline", in: $0.svg).first.flatMap { Self.attribute("stroke", of: $0) } ?? "" }
        #expect(Set(colours).count == names.count && !colours.contains(""), "\(colours)")
        // Printed in black and white, the line's dash and the marker's shape still tell them apart.
        let cues = multiples.map { (m: SVGChart) -> String in
            let dash = Self.elements("polyline", in: m.svg).first.flatMap { Self.attribute("stroke-dasharray", of: $0) } ?? "solid"
            return dash + "/" + (Self.markerShape(m.svg) ?? "")
        }
        #expect(Set(cues).count == names.count, "\(cues)")
        for (chart, colour) in zip(multiples, colours) {
            #expect(chart.svg.contains("fill=\"white\" stroke=\"\(colour)\""), "the AI-scored point is hollow, outlined in \(colour)")
            #expect(chart.svg.contains("fill=\"\(colour)\" stroke=\"\(colour)\""), "observed points are filled")
        }

        let combined = InsightsCharts.allDimensions(report, rubric: rubric)
        #expect(Self.elements("polyline", in: combined.svg).compactMap { Self.attribute("stroke", of: $0) } == colours)
        let legend = combined.svg.components(separatedBy: "<g class=\"legend\">").last?.components(separatedBy: "</g>").first ?? ""
        for (name, colour) in zip(["Clarification", "&lt;b&gt;x&lt;/b&gt;", "Q&amp;A"] + names.dropFirst(3), colours) {
            #expect(legend.contains(">\(name)</text>"), "\(name) in the legend")
            #expect(legend.contains("stroke=\"\(colour)\""), "\(name)'s swatch")
        }
        #expect(!combined.svg.contains("<b>x</b>") && !multiples[1].svg.contains("<b>x</b>"))
        #expect(InsightsCharts.all(report, rubric: rubric).first?.id == "chart-dims-all", "the combined chart comes first")
    }

    @Test func theOverviewDrawsOneLinePerTypeWithSessionsAndSaysWhatItCounts() throws {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        func session(_ daysAgo: Double, _ type: InterviewType, _ mode: SessionMode) -> LogEntry {
            LogEntry(id: UUID(), date: now.addingTimeInterval(-daysAgo * 86_400), type: type, mode: mode, status: .completed, rubricId: "r")
        }
        let entries = [session(1, .coding, .peer), session(9, .coding, .ai), session(30, .coding, .solo), session(2, .behavioral, .ai)]
        let overview = TypeOverview.compute(entries, now: now, timeZone: zone)
        let chart = OverviewChart.chart(overview)
        let lines = Self.elements("polyline", in: chart.svg)
        #expect(lines.count == 2, "coding and behavioral; the types without sessions are left out")
        #expect(Set(lines.compactMap { Self.attribute("stroke", of: $0) }).count == 2)
        #expect(chart.svg.contains(">Coding: 3 sessions</text>") && chart.svg.contains(">Behavioral: 1 session</text>"))
        #expect(chart.title == "All interview types: sessions per week")
        #expect(chart.summary.contains("every mode, AI and solo included") && chart.svg.contains("AI and solo included</text>"))
        #expect(chart.summary.contains("No sessions of System design, API design, Data modeling."), "\(chart.summary)")
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = zone
        day.dateFormat = "MMM d"
        let thisWeek = try #require(overview.weekStarts.last)
        #expect(Self.dateLabels(chart.svg).last == day.string(from: thisWeek), "the current week is labelled")

        let empty = OverviewChart.chart(TypeOverview.compute([], now: now, timeZone: zone))
        #expect(Self.elements("polyline", in: empty.svg).isEmpty && empty.summary.contains("No completed session"))
    }

    @Test func thePageTakesTheOverviewOnlyWhenGiven() {
        let rubric = Self.rubric(["Clarification"])
        let result = InsightsService.Result(
            report: Self.report([Self.entry(Self.sessions[0], scores: ["d0": 2])], rubric: rubric, zone: "UTC"), rubric: rubric,
            bank: [], codeRuns: nil)
        #expect(InsightsView(result).overview == nil)
        let overview = OverviewChart.chart(TypeOverview.compute([], now: Date(), timeZone: TimeZone(identifier: "UTC")!))
        let page = InsightsView(result, overview: overview)
        #expect(page.overview?.svg == overview.svg)
        #expect(page.scoreCharts.map(\.id) == ["chart-dims-all", "chart-dim-d0"])
    }
}
