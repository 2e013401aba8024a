import Foundation

/// A rubric as Markdown, to paste into a doc and send to a partner before the session.
extension Rubric {
    public var markdown: String {
        var out = "# \(name)\n\n\(description)\n\nScore each dimension 1–3 after the session.\n\n"
        for (i, d) in dimensions.enumerated() {
            out += "## \(i + 1). \(d.name)\n\n*\(d.question)*\n\n"
            out += "| Score | What it looks like |\n| --- | --- |\n"
            for score in 1...3 {
                out +=
                    "| \(score) | \(d.anchor(for: score).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")) |\n"
            }
            out += "\n"
        }
        return out
    }
}
