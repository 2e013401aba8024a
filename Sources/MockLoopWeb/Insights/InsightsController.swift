import Foundation
import MockLoopCore
import MockLoopServices
import Vapor

/// `/insights` and `GET /api/v1/insights`: the patterns in the log, for a type and a window.
struct InsightsController {
    let services: AppServices

    /// The page opens with every type's sessions per week, then the chosen type's detail.
    func page(req: Request) async throws -> View {
        let insights = try await result(req)
        let zone = TimeZone(identifier: insights.report.timeZone) ?? .current
        let overview = try await services.insights(db: req.db, userID: try req.actingUser()).overview(timeZone: zone)
        return try await req.view.render("insights", InsightsView(insights, overview: OverviewChart.chart(overview)))
    }

    func api(req: Request) async throws -> Response {
        try JSONResponse.encode(try await result(req).report)
    }

    /// `GET /api/v1/insights/document`: the same report as text, Markdown (with its chart SVGs)
    /// and HTML, for `mockloop report` against a server.
    func document(req: Request) async throws -> Response {
        try JSONResponse.encode(RenderedReport(InsightsDocument(try await result(req))))
    }

    /// Query: type, window (all | 30d | 10), tz (IANA name), tier, level, threshold.
    private func result(_ req: Request) async throws -> InsightsService.Result {
        var options = InsightsService.Options()
        options.type = try req.queryEnum(InterviewType.self, "type")
        options.tier = try req.queryEnum(CompanyTier.self, "tier")
        options.level = try req.queryEnum(Level.self, "level")
        if let raw = req.query[String.self, at: "window"], !raw.isEmpty {
            guard let window = InsightsWindow(raw) else {
                throw MockLoopError.invalid("window", "must be \(InsightsWindow.allowed) (got '\(raw)')")
            }
            options.window = window
        }
        if let raw = req.query[String.self, at: "tz"], !raw.isEmpty {
            guard let zone = TimeZone(identifier: raw) else {
                throw MockLoopError.invalid("tz", "must be a time zone name like Europe/Berlin (got '\(raw)')")
            }
            options.timeZone = zone
        }
        if let threshold = try req.queryInt("threshold") {
            guard (1...1000).contains(threshold) else { throw MockLoopError.invalid("threshold", "must be 1–1000 (got \(threshold))") }
            options.weakSpotThreshold = threshold
        }
        return try await services.insights(db: req.db, userID: try req.actingUser()).report(options)
    }
}
