import Foundation
import MockLoopCore

/// The overview across interview types: completed sessions per week, one line per type that
/// has any, with a legend naming each type and its total. Shown on /insights above the
/// chosen type's detail.
public enum OverviewChart {
    public static let title = "All interview types: sessions per week"

    public static func chart(_ overview: TypeOverview) -> SVGChart {
        let (w, left, right, top, plotH) = (560.0, 34.0, 24.0, 24.0, 140.0)
        let plotW = w - left - right
        let axisY = top + plotH
        let weeks = overview.weekStarts
        let formatter = SVGChart.dayFormatter(overview.timeZone)
        // A type's style follows its place in the list of types, so it keeps its colour
        // whichever other types have sessions.
        let drawn: [(series: TypeOverview.Series, style: SVGChart.Style)] = overview.series.filter { $0.total > 0 }.map { s in
            (series: s, style: SVGChart.style(InterviewType.allCases.firstIndex(of: s.type) ?? 0))
        }
        let peak = drawn.flatMap { $0.series.counts }.max() ?? 0
        let step = max(1, (peak + 4) / 5)
        let ceiling = max(step, (peak + step - 1) / step * step)
        func x(_ i: Int) -> Double { left + (weeks.count < 2 ? plotW / 2 : plotW * Double(i) / Double(weeks.count - 1)) }
        func y(_ v: Int) -> Double { top + plotH * (1 - Double(v) / Double(ceiling)) }
        // Counts are whole numbers, so lines often coincide (most often at 0): each type sits
        // 1.5 pixels from the next so every line stays visible.
        func offset(_ k: Int) -> Double { (Double(k) - Double(drawn.count - 1) / 2) * 1.5 }
        var body = ""
        for v in stride(from: 0, through: ceiling, by: step) {
            body += SVGChart.line(left, y(v), w - right, y(v), stroke: "#eee")
            body += SVGChart.text(left - 6, y(v) + 4, String(v), anchor: "end")
        }
        body += SVGChart.line(left, top, left, axisY) + SVGChart.line(left, axisY, w - right, axisY)
        body += SVGChart.text(12, top + plotH / 2, "sessions", extra: " transform=\"rotate(-90 12 \(SVGChart.n(top + plotH / 2)))\"")
        // A label every week would crowd the axis: every other week (or fewer), counted back
        // from the current week so it is always labelled.
        let every = max(1, Int((44 * Double(weeks.count) / plotW).rounded(.up)))
        for (i, start) in weeks.enumerated() where (weeks.count - 1 - i) % every == 0 {
            body += SVGChart.line(x(i), axisY, x(i), axisY + 4) + SVGChart.text(x(i), axisY + 15, formatter.string(from: start))
        }
        body += SVGChart.text(left + plotW / 2, axisY + 32, "week starting Monday, \(overview.timeZone)")
        body += SVGChart.text(
            left + plotW / 2, axisY + 46, "completed sessions of every mode, AI and solo included", extra: " fill=\"#555\"")
        for (k, d) in drawn.enumerated() {
            let points = d.series.counts.enumerated().map { (x($0.offset), y($0.element) + offset(k)) }
            body += SVGChart.polyline(points, style: d.style)
            for p in points { body += SVGChart.marker(p.0, p.1, style: d.style) }
        }
        if drawn.isEmpty { body += SVGChart.text(left + plotW / 2, top + plotH / 2, "no completed session in these weeks") }
        let legend = SVGChart.legend(
            drawn.map { (name: "\($0.series.type.label): \(sessions($0.series.total))", style: $0.style) },
            x: left, top: axisY + 56, width: plotW, columns: 2)
        body += legend.svg
        let h = axisY + 56 + legend.height + 6
        return SVGChart(
            id: "chart-overview", title: title, summary: summary(overview), width: Int(w), height: Int(h.rounded(.up)), body: body)
    }

    /// The text alternative: what was counted, then each type's total and its weeks with sessions.
    static func summary(_ o: TypeOverview) -> String {
        let day = SVGChart.dayFormatter(o.timeZone)
        let dated = SVGChart.dayFormatter(o.timeZone, format: "MMM d, yyyy")
        guard let first = o.weekStarts.first, let last = o.weekStarts.last else { return "No weeks to show." }
        let head =
            "Completed sessions of every mode, AI and solo included, per week from Monday in \(o.timeZone), "
            + "weeks of \(dated.string(from: first)) to \(dated.string(from: last))."
        guard o.total > 0 else { return head + " No completed session in these weeks." }
        let types = o.series.filter { $0.total > 0 }.map { (s: TypeOverview.Series) -> String in
            let weeks = zip(o.weekStarts, s.counts).filter { $0.1 > 0 }.map { "\(day.string(from: $0.0)): \($0.1)" }
            return "\(s.type.label): \(sessions(s.total)), by week " + weeks.joined(separator: ", ")
        }
        let none = o.series.filter { $0.total == 0 }.map { $0.type.label }
        return head + " " + types.joined(separator: "; ") + "."
            + (none.isEmpty ? "" : " No sessions of " + none.joined(separator: ", ") + ".")
    }

    static func sessions(_ n: Int) -> String { "\(n) session\(n == 1 ? "" : "s")" }
}
