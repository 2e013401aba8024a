import Foundation

/// A chart as standalone SVG markup: a title, labelled axes and a text alternative (`<title>`
/// and `<desc>`, referenced by aria-labelledby). Axes are black and greys; a chart with several
/// series draws each in its own colour and also its own marker and dash, so it still reads
/// when printed in black and white or seen without colour.
/// Every piece of text in it is escaped here: dimension names come from user-edited rubrics.
public struct SVGChart: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The text alternative: the figures the chart shows, in words.
    public var summary: String
    public var svg: String

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    /// Wraps drawn elements in an `<svg>` with its title and description.
    init(id: String, title: String, summary: String, width: Int, height: Int, body: String) {
        self.id = id
        self.title = title
        self.summary = summary
        svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="sans-serif" font-size="11">
            <title id="\(id)-title">\(Self.escape(title))</title>
            <desc id="\(id)-desc">\(Self.escape(summary))</desc>
            <rect x="0" y="0" width="\(width)" height="\(height)" fill="white"/>
            <text x="\(width / 2)" y="14" text-anchor="middle" font-size="12" font-weight="bold">\(Self.escape(title))</text>
            \(body)
            </svg>
            """
    }

    static func text(_ x: Double, _ y: Double, _ s: String, anchor: String = "middle", extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(extra)>\(escape(s))</text>"
    }

    static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#000", dash: String? = nil, width: Double = 1
    ) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    /// "Nov 3" (or another pattern) in the report's time zone; fixed English month names so a
    /// chart reads the same whatever locale the server runs in.
    static func dayFormatter(_ timeZone: String, format: String = "MMM d") -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = format
        f.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")
        return f
    }

    /// Tick marks with dates under the first and last points, and the middle one from five
    /// points on: enough to read the time span without crowding a small chart.
    static func dateTicks(_ dates: [Date], x: (Int) -> Double, axisY: Double, formatter: DateFormatter) -> String {
        guard !dates.isEmpty else { return "" }
        var picks = [0]
        if dates.count >= 5 { picks.append(dates.count / 2) }
        if dates.count > 1 { picks.append(dates.count - 1) }
        return picks.map { (i: Int) -> String in
            // The outer labels hang inwards so they stay inside the chart's edges.
            let anchor = dates.count == 1 ? "middle" : (i == 0 ? "start" : (i == dates.count - 1 ? "end" : "middle"))
            return line(x(i), axisY, x(i), axisY + 4) + text(x(i), axisY + 15, formatter.string(from: dates[i]), anchor: anchor)
        }.joined()
    }
}

extension SVGChart {
    /// The point shapes a series can use; every one of them can be drawn hollow.
    enum Marker: CaseIterable { case circle, square, triangle, diamond }

    /// How one series is drawn. Colour, marker and dash together tell series apart, so colour
    /// is never the only cue.
    struct Style: Equatable {
        var colour: String
        var marker: Marker
        /// nil: a solid line.
        var dash: String?
    }

    /// Okabe–Ito's colour-blind-safe palette, with the light colours darkened (same hue) so
    /// each line has at least 3:1 contrast against the white chart background, as graphics
    /// need (WCAG 2.1, 1.4.11). Contrast against white:
    /// blue #0072B2 5.19:1, vermillion #D55E00 3.87:1, bluish green #009E73 3.42:1,
    /// orange #B87F00 3.46:1 (from #E69F00, 2.25:1), reddish purple #C4689C 3.62:1 (from #CC79A7),
    /// sky blue #3A93C8 3.39:1 (from #56B4E9, 2.31:1), yellow as olive #8C8200 3.96:1 (from
    /// #F0E442, 1.32:1), black #000000 21:1.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#B87F00", "#C4689C", "#3A93C8", "#8C8200", "#000000"]

    /// Solid, dashed, dotted.
    static let dashes: [String?] = [nil, "6 3", "2 2"]

    /// The style of the series at this index (a dimension's place in its rubric, a type's
    /// place in the list of types). Four markers against three dashes: the pair differs for
    /// the first twelve series, the colour for the first eight.
    static func style(_ index: Int) -> Style {
        let i = max(0, index)
        return Style(
            colour: palette[i % palette.count], marker: Marker.allCases[i % Marker.allCases.count], dash: dashes[i % dashes.count])
    }

    /// A point of a series: filled, or hollow (white inside, the colour as its outline).
    static func marker(_ x: Double, _ y: Double, style: Style, hollow: Bool = false) -> String {
        let paint = " fill=\"\(hollow ? "white" : style.colour)\" stroke=\"\(style.colour)\" stroke-width=\"1.5\""
        func polygon(_ corners: [(Double, Double)]) -> String {
            "<polygon points=\"\(corners.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\"\(paint)/>"
        }
        switch style.marker {
        case .circle: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3.5\"\(paint)/>"
        case .square: return "<rect x=\"\(n(x - 3.2))\" y=\"\(n(y - 3.2))\" width=\"6.4\" height=\"6.4\"\(paint)/>"
        case .triangle: return polygon([(x, y - 4.5), (x + 4.2, y + 3), (x - 4.2, y + 3)])
        case .diamond: return polygon([(x, y - 4.5), (x + 4.5, y), (x, y + 4.5), (x - 4.5, y)])
        }
    }

    /// A series' line through its points, in its colour and dash.
    static func polyline(_ points: [(Double, Double)], style: Style) -> String {
        guard points.count > 1 else { return "" }
        let path = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        return "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"1.5\""
            + (style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    /// A legend in rows of `columns` items from (x, top): each a short stretch of the series'
    /// line with its marker, then its name. Names longer than a column are cut with "…" (the
    /// chart's text alternative has them whole). Returns the markup and the height it takes.
    static func legend(
        _ items: [(name: String, style: Style)], x: Double, top: Double, width: Double, columns: Int
    ) -> (svg: String, height: Double) {
        guard !items.isEmpty else { return ("", 0) }
        let columns = max(1, columns)
        let rowH = 16.0
        let columnW = width / Double(columns)
        // About 6 units a character at font size 11; the swatch takes the first 30.
        let fits = max(4, Int((columnW - 34) / 6))
        var out = "<g class=\"legend\">"
        for (i, item) in items.enumerated() {
            let x0 = x + columnW * Double(i % columns)
            let y = top + rowH * Double(i / columns) + rowH / 2
            let name = item.name.count > fits ? String(item.name.prefix(fits - 1)) + "…" : item.name
            out += line(x0, y, x0 + 22, y, stroke: item.style.colour, dash: item.style.dash, width: 1.5)
            out += marker(x0 + 11, y, style: item.style)
            out += text(x0 + 28, y + 4, name, anchor: "start")
        }
        let rows = (items.count + columns - 1) / columns
        return (out + "</g>", rowH * Double(rows))
    }
}
