import Foundation

/// An insights document rendered every way at once, so a server can hand it to the CLI and the
/// CLI writes exactly the files it writes from its own store.
public struct RenderedReport: Codable, Sendable {
    public struct Chart: Codable, Sendable {
        public var name: String
        public var svg: String
    }

    public var text: String
    public var markdown: String
    public var html: String
    public var charts: [Chart]

    public init(_ document: InsightsDocument) {
        text = document.text
        markdown = document.markdown
        html = document.html
        charts = document.chartFiles.map { Chart(name: $0.name, svg: $0.svg) }
    }
}
