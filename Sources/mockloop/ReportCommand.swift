import ArgumentParser
import Foundation
import MockLoopCore
import MockLoopServices

/// `mockloop report`: the insights for one interview type, as text (80 columns), Markdown with
/// the chart SVGs beside it, self-contained HTML, or JSON.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Insights: scores and trends per dimension, weak spots, calibration, cadence, fixes, next focus, readiness.")

    @Option(help: "Interview type (default: the type of your most recent session).") var type: String?
    @Option(help: "all, 30d (any number of days) or 10 (any number of sessions).") var window = "all"
    @Option(help: "text, md or html.") var format = "text"
    @Option(help: "Directory to write report.txt|md|html (and the charts, for md) into; text goes to stdout without it.") var out: String?
    @Option(help: "Time zone for weeks (they start on Monday), e.g. Europe/Berlin (default: this machine's).") var tz: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await Workspace.run(store) { workspace in
            let zone = try tz.map { tz in
                guard let zone = TimeZone(identifier: tz) else {
                    throw MockLoopError.invalid("--tz", "must be a time zone name like Europe/Berlin (got '\(tz)')")
                }
                return zone
            }
            guard let w = InsightsWindow(window) else {
                throw MockLoopError.invalid("--window", "must be \(InsightsWindow.allowed) (got '\(window)')")
            }
            guard ["text", "md", "html"].contains(format) else {
                throw MockLoopError.invalid("--format", "must be text, md or html (got '\(format)')")
            }
            var problems = FieldProblems()
            let parsedType = type.flatMap { InterviewType.parse($0, field: "--type", into: &problems) }
            try problems.check()
            let rendered: RenderedReport
            switch workspace {
            case .local(let ctx):
                var options = InsightsService.Options()
                options.type = parsedType
                options.window = w
                if let zone { options.timeZone = zone }
                let result = try await ctx.services.insights(db: ctx.db, userID: ctx.userID).report(options)
                if output.json { return try Output.json(result.report) }
                rendered = RenderedReport(InsightsDocument(result))
            case .remote(let api):
                let query = [
                    ("type", parsedType?.rawValue), ("window", window), ("tz", (zone ?? .current).identifier),
                ]
                if output.json { return try Output.json(try await api.get("insights", query: query, as: InsightsReport.self)) }
                rendered = try await api.get("insights/document", query: query)
            }
            try write(rendered)
        }
    }

    /// Text to standard output, or the chosen format (and the charts, for Markdown) into --out.
    func write(_ report: RenderedReport) throws {
        switch (format, out) {
        case ("text", nil): print(report.text, terminator: "")
        case (_, nil): throw MockLoopError.invalid("--out", "give a directory to write the \(format) report (and its charts) into")
        case (_, let dir?):
            let directory = URL(fileURLWithPath: (dir as NSString).expandingTildeInPath)
            do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                throw MockLoopError.invalid("--out", "cannot create \(dir): \(error.localizedDescription)")
            }
            let name = "report." + (format == "md" ? "md" : format == "html" ? "html" : "txt")
            let body = format == "md" ? report.markdown : format == "html" ? report.html : report.text
            try Output.write(body, to: directory.appendingPathComponent(name).path)
            if format == "md" {
                for chart in report.charts { try Output.write(chart.svg, to: directory.appendingPathComponent(chart.name).path) }
            }
            print(directory.appendingPathComponent(name).path)
        }
    }
}
