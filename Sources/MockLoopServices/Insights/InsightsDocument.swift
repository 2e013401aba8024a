import Foundation
import MockLoopCore

/// The insights as a document: plain text for an 80-column terminal, Markdown that links the
/// chart SVGs written beside it, or one self-contained HTML file with the SVGs inline.
public struct InsightsDocument {
    let page: InsightsView

    public init(_ result: InsightsService.Result) { page = InsightsView(result) }

    /// The charts, as files for the Markdown report: name and SVG.
    public var chartFiles: [(name: String, svg: String)] {
        (page.scoreCharts + [page.cadenceChart, page.gapChart]).map { ("\($0.id).svg", $0.svg) }
    }

    // MARK: Text

    public var text: String {
        let p = page
        var out: [String] = [p.title, String(repeating: "=", count: min(80, p.title.count))]
        out += wrap(p.summary)
        out += section("Next focus") + wrap(p.nextFocus) + (p.nextQuestion.map { wrap("Practise it on: \($0.label) (\($0.href))") } ?? [])
        out += wrap(p.readiness)
        out += section("Scores by dimension")
        out += table(["Dimension", "Mean", "Sessions", "Trend"], p.dimensions.map { [$0.name, $0.mean, $0.sessions, $0.trend] })
        if !p.codeRuns.isEmpty { out += wrap(p.codeRuns) }
        out += section("Consistent weak spots") + wrap(p.weakSpotsNote)
        out += p.weakSpots.flatMap {
            wrap("- \($0.name): mean \($0.mean); scored 1 on " + $0.evidence.map(\.label).joined(separator: ", "), indent: "")
        }
        out += section("Self vs interviewer")
        out += table(["Dimension", "Self-int.", "Sessions", "Reading"], p.selfGaps.map { [$0.name, $0.gap, $0.pairs, $0.calibrated] })
        out += p.confidence.flatMap { wrap("- \($0)") }
        out += section("AI vs human") + wrap(p.aiNote)
        out += table(["Dimension", "AI-human", "Pairs", "AI 3 counts as"], p.aiGaps.map { [$0.name, $0.gap, $0.pairs, $0.calibrated] })
        out += section("Difficulty honesty") + wrap((p.tooEasy ? "Too easy: " : "") + p.difficulty)
        out += section("Cadence") + wrap(p.cadence) + wrap(p.cadenceChart.summaryText)
        out += section("Did the fix work?")
        out +=
            p.fixes.isEmpty
            ? ["No priority fix yet."]
            : table(
                ["Fix", "Dimension", "Before", "After", "Verdict", "Drill"],
                p.fixes.map { [$0.fix, $0.name, $0.before, $0.after, $0.verdict, $0.drill] })
        out += section("Real interviews")
        out +=
            p.realInterviews.isEmpty
            ? ["None logged for this type."]
            : p.realInterviews.flatMap {
                wrap("- \($0.date) \($0.company) mean \($0.average)" + ($0.surprise.isEmpty ? "" : "; surprise: \($0.surprise)"))
            }
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String) -> [String] { ["", title, String(repeating: "-", count: title.count)] }

    /// Words wrapped at `width` columns (a word longer than the line is cut).
    func wrap(_ text: String, width: Int = 80, indent: String = "") -> [String] {
        TextWrap.lines(text, width: width, indent: indent)
    }

    /// Columns padded to fit 80: the first column is cut when the row would not fit.
    func table(_ headers: [String], _ rows: [[String]], width: Int = 80) -> [String] {
        let widths = headers.indices.map { i in ([headers[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        let fixed = widths.dropFirst().reduce(0, +) + 2 * (headers.count - 1)
        let first = max(10, min(widths[0], width - fixed))
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let w = i == 0 ? first : widths[i]
                let cut = c.count > w ? String(c.prefix(w - 1)) + "…" : c
                return i == cells.count - 1 ? cut : cut.padding(toLength: w, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return [line(headers)] + rows.map(line)
    }

    // MARK: Markdown

    public var markdown: String {
        let p = page
        func row(_ cells: [String]) -> String {
            "| " + cells.map { Self.md($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        func table(_ h: [String], _ rows: [[String]]) -> [String] { [row(h), row(h.map { _ in "---" })] + rows.map(row) }
        func chart(_ c: InsightsView.Chart) -> String {
            "![\(Self.md(c.summaryText).replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]"))](\(c.id).svg)"
        }
        var out = ["# \(Self.md(p.title))", "", p.summary, "", "## Next focus", "", Self.md(p.nextFocus)]
        if let q = p.nextQuestion { out += ["", "Practise it on: \(q.label) (`\(q.href)`)"] }
        out += ["", "**\(p.readiness)**", "", "## Scores by dimension", ""]
        out += table(["Dimension", "Mean (1–3)", "Trend", "Sessions"], p.dimensions.map { [$0.name, $0.mean, $0.trend, $0.sessions] })
        out += [""] + p.scoreCharts.map(chart)
        out +=
            ["", "## Consistent weak spots", "", p.weakSpotsNote]
            + p.weakSpots.map {
                "- **\(Self.md($0.name))**: mean \($0.mean); scored 1 on " + $0.evidence.map(\.label).joined(separator: ", ")
            }
        out +=
            ["", "## Self vs interviewer", ""]
            + table(
                ["Dimension", "Self − interviewer", "Sessions", "Reading"], p.selfGaps.map { [$0.name, $0.gap, $0.pairs, $0.calibrated] })
        out += ["", chart(p.gapChart)] + p.confidence.map { "- \($0)" }
        out +=
            ["", "## AI vs human scores", "", p.aiNote, ""]
            + table(
                ["Dimension", "AI − human", "Paired sessions", "An AI 3 counts as"],
                p.aiGaps.map { [$0.name, $0.gap, $0.pairs, $0.calibrated] })
        out += ["", "## Difficulty honesty", "", (p.tooEasy ? "**Too easy:** " : "") + p.difficulty]
        out += ["", "## Cadence", "", p.cadence, "", chart(p.cadenceChart)]
        out +=
            ["", "## Did the fix work?", ""]
            + (p.fixes.isEmpty
                ? ["No priority fix yet."]
                : table(
                    ["Dimension", "Fix", "Before", "After", "Verdict", "Drill"],
                    p.fixes.map { [$0.name, $0.fix, $0.before, $0.after, $0.verdict, $0.drill] }))
        out +=
            ["", "## Real interviews", ""]
            + (p.realInterviews.isEmpty
                ? ["None logged for this type."]
                : p.realInterviews.map {
                    "- \($0.date) \(Self.md($0.company)) · mean \($0.average)"
                        + ($0.surprise.isEmpty ? "" : " · surprise: \(Self.md($0.surprise))")
                })
        return out.joined(separator: "\n") + "\n"
    }

    /// User text in Markdown: one line, and no raw HTML.
    static func md(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
                of: ">", with: "&gt;")
    }

    // MARK: HTML

    public var html: String {
        let p = page
        func e(_ s: String) -> String { SVGChart.escape(s) }
        func table(_ h: [String], _ rows: [[String]]) -> String {
            "<table><thead><tr>" + h.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
                + rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>"
        }
        var body = "<h1>\(e(p.title))</h1><p>\(e(p.summary))</p>"
        body += "<h2>Next focus</h2><p>\(e(p.nextFocus))</p>" + (p.nextQuestion.map { "<p>Practise it on: \(e($0.label))</p>" } ?? "")
        body += "<p><strong>\(e(p.readiness))</strong></p>"
        body +=
            "<h2>Scores by dimension</h2>"
            + table(["Dimension", "Mean (1–3)", "Trend", "Sessions"], p.dimensions.map { [$0.name, $0.mean, $0.trend, $0.sessions] })
        body += "<div class=\"charts\">" + p.scoreCharts.map { "<figure>\($0.svg)</figure>" }.joined() + "</div>"
        body +=
            "<h2>Consistent weak spots</h2><p>\(e(p.weakSpotsNote))</p><ul>"
            + p.weakSpots.map {
                "<li><strong>\(e($0.name))</strong>: mean \(e($0.mean)); scored 1 on \(e($0.evidence.map(\.label).joined(separator: ", ")))</li>"
            }.joined() + "</ul>"
        body +=
            "<h2>Self vs interviewer</h2>"
            + table(
                ["Dimension", "Self − interviewer", "Sessions", "Reading"], p.selfGaps.map { [$0.name, $0.gap, $0.pairs, $0.calibrated] })
        body += "<figure>\(p.gapChart.svg)</figure><ul>" + p.confidence.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        body +=
            "<h2>AI vs human scores</h2><p>\(e(p.aiNote))</p>"
            + table(
                ["Dimension", "AI − human", "Paired sessions", "An AI 3 counts as"],
                p.aiGaps.map { [$0.name, $0.gap, $0.pairs, $0.calibrated] })
        body += "<h2>Difficulty honesty</h2><p>\(e((p.tooEasy ? "Too easy: " : "") + p.difficulty))</p>"
        body += "<h2>Cadence</h2><p>\(e(p.cadence))</p><figure>\(p.cadenceChart.svg)</figure>"
        body +=
            "<h2>Did the fix work?</h2>"
            + (p.fixes.isEmpty
                ? "<p>No priority fix yet.</p>"
                : table(
                    ["Dimension", "Fix", "Before", "After", "Verdict", "Drill"],
                    p.fixes.map { [$0.name, $0.fix, $0.before, $0.after, $0.verdict, $0.drill] }))
        body +=
            "<h2>Real interviews</h2>"
            + (p.realInterviews.isEmpty
                ? "<p>None logged for this type.</p>"
                : "<ul>"
                    + p.realInterviews.map {
                        "<li>\(e($0.date)) \(e($0.company)) · mean \(e($0.average))\($0.surprise.isEmpty ? "" : " · surprise: " + e($0.surprise))</li>"
                    }.joined() + "</ul>")
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(e(p.title)) · MockLoop</title>
            <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #999;padding:.2rem .5rem;text-align:left}.charts{display:flex;flex-wrap:wrap;gap:.75rem}figure{margin:.5rem 0;break-inside:avoid}svg{max-width:100%;height:auto}</style>
            </head><body>\(body)</body></html>

            """
    }
}

extension InsightsView.Chart {
    /// The chart's text alternative (its `<desc>`), unescaped, for text and Markdown.
    var summaryText: String { summary }
}
