import Foundation
import MockLoopCore

/// The insights charts, drawn on the server: scores over time (every dimension on one chart,
/// then one small multiple per rubric dimension, each dimension in its own colour, marker and
/// dash), weekly cadence against the target, and the self-vs-interviewer gap.
public enum InsightsCharts {
    public static func all(_ report: InsightsReport, rubric: Rubric) -> [SVGChart] {
        [allDimensions(report, rubric: rubric)]
            + rubric.dimensions.enumerated().map { scoreOverTime(report, dimension: $0.element, index: $0.offset) }
            + [cadence(report), selfGap(report, rubric: rubric)]
    }

    /// One dimension's interviewer scores, oldest to newest, dated on the time axis; AI-scored
    /// sessions are hollow. `index`: the dimension's place in its rubric, which picks its style.
    public static func scoreOverTime(_ report: InsightsReport, dimension d: MockLoopCore.Dimension, index: Int) -> SVGChart {
        let (w, h, left, right, top, bottom) = (260.0, 150.0, 30.0, 12.0, 24.0, 36.0)
        let points: [(date: Date, mode: SessionMode, score: Int)] = report.timeline.compactMap { p in
            p.scores[d.key].map { (date: p.date, mode: p.mode, score: $0) }
        }
        let style = SVGChart.style(index)
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
        body += SVGChart.dateTicks(
            points.map { $0.date }, x: x, axisY: h - bottom, formatter: SVGChart.dayFormatter(report.timeZone))
        body += SVGChart.text(left + plotW / 2, h - 4, "session date")
        body += SVGChart.polyline(points.enumerated().map { (x($0.offset), y($0.element.score)) }, style: style)
        for (i, p) in points.enumerated() { body += SVGChart.marker(x(i), y(p.score), style: style, hollow: p.mode == .ai) }
        if points.isEmpty { body += SVGChart.text(left + plotW / 2, top + plotH / 2, "not scored yet") }
        let trend = report.dimensions.first { $0.dimension == d.key }
        var summary = "\(d.name): no scores yet."
        if !points.isEmpty {
            let list = points.map { String($0.score) }.joined(separator: ", ")
            let mean = trend?.mean.map { ", mean \(SVGChart.n($0))" } ?? ""
            let direction = trend?.direction.map { ", \($0.rawValue)" } ?? ""
            let ai = points.contains { $0.mode == SessionMode.ai } ? "; hollow points are AI-scored sessions." : "."
            let dates = span(points.map { $0.date }, timeZone: report.timeZone)
            summary = "\(d.name): scores \(list) over the last \(points.count) scored sessions, \(dates)\(mean)\(direction)\(ai)"
        }
        return SVGChart(id: "chart-dim-\(d.key)", title: d.name, summary: summary, width: Int(w), height: Int(h), body: body)
    }

    /// Every dimension's interviewer scores on one chart, each line in its dimension's style and
    /// named in the legend: how the dimensions move against each other, before the detail.
    public static func allDimensions(_ report: InsightsReport, rubric: Rubric) -> SVGChart {
        let (w, left, right, top, plotH, pad) = (560.0, 30.0, 12.0, 24.0, 130.0, 10.0)
        let timeline = report.timeline
        let plotW = w - left - right
        let axisY = top + plotH + 2 * pad
        let count = rubric.dimensions.count
        func x(_ i: Int) -> Double { left + (timeline.count < 2 ? plotW / 2 : plotW * Double(i) / Double(timeline.count - 1)) }
        func base(_ score: Int) -> Double { top + pad + plotH * (3 - Double(score)) / 2 }
        // Scores are whole numbers, so lines often coincide: each dimension sits 2 pixels from
        // the next (about a tenth of a point across eight) so every line stays visible.
        func y(_ score: Int, _ k: Int) -> Double { base(score) + (Double(k) - Double(count - 1) / 2) * 2 }
        var body = ""
        for s in 1...3 {
            body += SVGChart.line(left, base(s), w - right, base(s), stroke: "#ccc")
            body += SVGChart.text(left - 6, base(s) + 4, String(s), anchor: "end")
        }
        body += SVGChart.line(left, top, left, axisY) + SVGChart.line(left, axisY, w - right, axisY)
        body += SVGChart.text(12, base(2), "score", extra: " transform=\"rotate(-90 12 \(SVGChart.n(base(2))))\"")
        body += SVGChart.dateTicks(timeline.map { $0.date }, x: x, axisY: axisY, formatter: SVGChart.dayFormatter(report.timeZone))
        body += SVGChart.text(left + plotW / 2, axisY + 32, "session date")
        var lists: [String] = []
        for (k, d) in rubric.dimensions.enumerated() {
            let style = SVGChart.style(k)
            let points: [(i: Int, mode: SessionMode, score: Int)] = timeline.enumerated().compactMap { j, p in
                p.scores[d.key].map { (i: j, mode: p.mode, score: $0) }
            }
            body += SVGChart.polyline(points.map { (x($0.i), y($0.score, k)) }, style: style)
            for p in points { body += SVGChart.marker(x(p.i), y(p.score, k), style: style, hollow: p.mode == .ai) }
            lists.append(points.isEmpty ? "\(d.name) not scored" : "\(d.name) " + points.map { String($0.score) }.joined(separator: ", "))
        }
        if timeline.isEmpty { body += SVGChart.text(left + plotW / 2, base(2), "not scored yet") }
        let legend = SVGChart.legend(
            rubric.dimensions.enumerated().map { (name: $0.element.name, style: SVGChart.style($0.offset)) },
            x: left, top: axisY + 42, width: plotW, columns: 2)
        body += legend.svg
        let h = axisY + 42 + legend.height + 6
        var summary = "No scored session yet."
        if !timeline.isEmpty {
            let dates = span(timeline.map { $0.date }, timeZone: report.timeZone)
            let ai = timeline.contains { $0.mode == SessionMode.ai } ? " Hollow points are AI-scored sessions." : ""
            summary =
                "Interviewer scores of every dimension over the last \(timeline.count) scored sessions, \(dates): "
                + lists.joined(separator: "; ") + "." + ai
        }
        return SVGChart(
            id: "chart-dims-all", title: "All dimensions over time", summary: summary, width: Int(w), height: Int(h.rounded(.up)),
            body: body)
    }

    /// "from Nov 3, 2026 to Nov 24, 2026", or "on Nov 3, 2026" when every date is that day.
    static func span(_ dates: [Date], timeZone: String) -> String {
        let f = SVGChart.dayFormatter(timeZone, format: "MMM d, yyyy")
        guard let first = dates.first, let last = dates.last else { return "" }
        let (a, b) = (f.string(from: first), f.string(from: last))
        return a == b ? "on \(a)" : "from \(a) to \(b)"
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
        let formatter = SVGChart.dayFormatter(report.timeZone)
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
