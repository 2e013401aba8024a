import Foundation

/// A chart as standalone SVG markup: a title, labelled axes and a text alternative (`<title>`
/// and `<desc>`, referenced by aria-labelledby), drawn in black and greys so it prints.
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
}
