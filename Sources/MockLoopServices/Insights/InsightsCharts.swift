import Foundation
import MockLoopCore

/// The insights charts, drawn on the server: scores over time (one small multiple per rubric
/// dimension), weekly cadence against the target, and the self-vs-interviewer gap.
public enum InsightsCharts {
    public static func all(_ report: InsightsReport, rubric: Rubric) -> [SVGChart] {
        rubric.dimensions.map { scoreOverTime(report, dimension: $0) } + [cadence(report), selfGap(report, rubric: rubric)]
    }

    /// One dimension's interviewer scores, oldest to newest; AI-scored sessions are hollow.
    public static func scoreOverTime(_ report: InsightsReport, dimension d: MockLoopCore.Dimension) -> SVGChart {
        let (w, h, left, right, top, bottom) = (260.0, 140.0, 30.0, 10.0, 24.0, 30.0)
        let points: [(SessionMode, Int)] = report.timeline.compactMap { p in p.scores[d.key].map { (p.mode, $0) } }
        let plotW = w - left - right
        let plotH = h - top - bottom
        func x(_ i: Int) -> Double { left + (points.count < 2 ? plotW / 2 : plotW * Double(i) / Double(points.count - 1)) }
        func y(_ score: Int) -> Double { top + plotH * (3 - Double(score)) / 2 }
        var body = ""
        for s in 1...3 {
            body += SVGChart.line(left, y(s), w - right, y(s), stroke: "#ccc")
            body += SVGChart.text(left - 6, y(s) + 4, String(s), anchor: "end")
        }
        body += SVGChart.line(left, top, left, h - bottom) + SVGChart.line(left, h - bottom, w - right, h - bottom)
        body += SVGChart.text(12, top + plotH / 2, "score", extra: " transform=\"rotate(-90 12 \(SVGChart.n(top + plotH / 2)))\"")
        body += SVGChart.text(left + plotW / 2, h - 8, "sessions, oldest → newest")
        if points.count > 1 {
            let path = points.enumerated().map { "\(SVGChart.n(x($0.offset))),\(SVGChart.n(y($0.element.1)))" }.joined(separator: " ")
            body += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/>"
        }
        for (i, p) in points.enumerated() {
            let hollow = p.0 == .ai
            body +=
                "<circle cx=\"\(SVGChart.n(x(i)))\" cy=\"\(SVGChart.n(y(p.1)))\" r=\"3.5\" fill=\"\(hollow ? "white" : "#000")\" stroke=\"#000\"/>"
        }
        if points.isEmpty { body += SVGChart.text(left + plotW / 2, top + plotH / 2, "not scored yet") }
        let trend = report.dimensions.first { $0.dimension == d.key }
        var summary = "\(d.name): no scores yet."
        if !points.isEmpty {
            let list = points.map { String($0.1) }.joined(separator: ", ")
            let mean = trend?.mean.map { ", mean \(SVGChart.n($0))" } ?? ""
            let direction = trend?.direction.map { ", \($0.rawValue)" } ?? ""
            let ai = points.contains { $0.0 == SessionMode.ai } ? "; hollow points are AI-scored sessions." : "."
            summary = "\(d.name): scores \(list) over the last \(points.count) scored sessions\(mean)\(direction)\(ai)"
        }
        return SVGChart(id: "chart-dim-\(d.key)", title: d.name, summary: summary, width: Int(w), height: Int(h), body: body)
    }

    /// Human-observed sessions per week, with the target as a dashed line.
    public static func cadence(_ report: InsightsReport) -> SVGChart {
        let c = report.cadence
        let (w, h, left, right, top, bottom) = (420.0, 170.0, 34.0, 10.0, 24.0, 40.0)
        let top3 = max(c.target + 1, c.weeks.map(\.observed).max() ?? 0)
        let plotW = w - left - right
        let plotH = h - top - bottom
        func y(_ v: Double) -> Double { top + plotH * (1 - v / Double(top3)) }
        let slot = plotW / Double(max(1, c.weeks.count))
        let formatter = DateFormatter()
        formatter.dateFormat = "MMM d"
        formatter.timeZone = TimeZone(identifier: report.timeZone) ?? TimeZone(identifier: "UTC")
        var body = ""
        for v in 0...top3 {
            body += SVGChart.line(left, y(Double(v)), w - right, y(Double(v)), stroke: "#eee")
            body += SVGChart.text(left - 6, y(Double(v)) + 4, String(v), anchor: "end")
        }
        for (i, week) in c.weeks.enumerated() {
            let x0 = left + slot * Double(i) + slot * 0.2
            let barH = plotH * Double(week.observed) / Double(top3)
            body +=
                "<rect x=\"\(SVGChart.n(x0))\" y=\"\(SVGChart.n(y(Double(week.observed))))\" width=\"\(SVGChart.n(slot * 0.6))\" height=\"\(SVGChart.n(barH))\" fill=\"\(week.metTarget ? "#333" : "#aaa")\" stroke=\"#000\"/>"
            body += SVGChart.text(x0 + slot * 0.3, h - bottom + 14, formatter.string(from: week.start))
        }
        body += SVGChart.line(left, y(Double(c.target)), w - right, y(Double(c.target)), dash: "5 3", width: 1.5)
        body += SVGChart.text(w - right, y(Double(c.target)) - 4, "target \(c.target)/week", anchor: "end")
        body += SVGChart.line(left, top, left, h - bottom) + SVGChart.line(left, h - bottom, w - right, h - bottom)
        body += SVGChart.text(left + plotW / 2, h - 6, "week starting (Monday)")
        let summary =
            "Human-observed sessions per week: "
            + c.weeks.map { "\(formatter.string(from: $0.start)): \($0.observed)" }.joined(separator: ", ")
            + ". Target \(c.target) a week; current streak \(c.streak) week\(c.streak == 1 ? "" : "s")."
        return SVGChart(
            id: "chart-cadence", title: "Observed sessions per week", summary: summary, width: Int(w), height: Int(h), body: body)
    }

    /// Self-score minus interviewer score per dimension: right of the axis is over-confidence.
    public static func selfGap(_ report: InsightsReport, rubric: Rubric) -> SVGChart {
        let rows = rubric.dimensions.map { d in (d.name, report.selfGap.first { $0.dimension == d.key }) }
        let (w, left, right, top) = (460.0, 150.0, 20.0, 30.0)
        let rowH = 22.0
        let h = top + rowH * Double(rows.count) + 40
        let mid = left + (w - left - right) / 2
        let half = (w - left - right) / 2
        func x(_ gap: Double) -> Double { mid + half * max(-2, min(2, gap)) / 2 }
        var body = ""
        for v in [-2.0, -1, 0, 1, 2] {
            body += SVGChart.line(x(v), top - 4, x(v), top + rowH * Double(rows.count), stroke: v == 0 ? "#000" : "#ddd")
            body += SVGChart.text(x(v), top + rowH * Double(rows.count) + 14, v > 0 ? "+\(Int(v))" : String(Int(v)))
        }
        for (i, row) in rows.enumerated() {
            let yMid = top + rowH * Double(i) + rowH / 2
            body += SVGChart.text(left - 8, yMid + 4, row.0, anchor: "end")
            if let gap = row.1?.meanGap {
                let (a, b) = (min(x(0), x(gap)), max(x(0), x(gap)))
                body +=
                    "<rect x=\"\(SVGChart.n(a))\" y=\"\(SVGChart.n(yMid - 7))\" width=\"\(SVGChart.n(max(1, b - a)))\" height=\"14\" fill=\"\(gap > 0 ? "#555" : "#bbb")\" stroke=\"#000\"/>"
            } else {
                body += SVGChart.text(mid + 6, yMid + 4, "no pairs yet", anchor: "start", extra: " fill=\"#555\"")
            }
        }
        body += SVGChart.text(left + half, h - 8, "self − interviewer; right: you rate yourself higher")
        let summary =
            "Self-score minus interviewer score: "
            + rows.map { name, gap in
                "\(name) "
                    + (gap?.meanGap.map {
                        ($0 >= 0 ? "+" : "") + SVGChart.n($0) + " over \(gap!.pairs) session\(gap!.pairs == 1 ? "" : "s")"
                    } ?? "no pairs")
            }.joined(separator: "; ") + "."
        return SVGChart(id: "chart-self-gap", title: "Self vs interviewer", summary: summary, width: Int(w), height: Int(h), body: body)
    }
}
