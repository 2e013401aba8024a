import MockLoopServices
import Vapor

/// Every route, grouped by area. Pages render HTML; /api/v1 speaks JSON (see /openapi.json).
/// A page's POST is declared with `form`, which bounds its body and has its form token checked.
func routes(_ app: Application, _ services: AppServices, openAPI: OpenAPIDocument) throws {
    let health = HealthController(services: services)
    app.get("healthz", use: health.check)
    app.get("openapi.json", use: OpenAPIController(document: openAPI).show)

    let rubrics = RubricController()
    let questions = QuestionController()
    let sessions = SessionController(services: services)
    let log = LogController()
    let analysis = AnalysisController(services: services)
    let runs = RunController(services: services)
    let insights = InsightsController(services: services)
    let practice = PracticeController(services: services)
    let packs = PackController(services: services)
    let settings = SettingsController()

    // Pages
    app.get(use: log.home)
    app.get("rubrics", use: rubrics.listPage)
    app.get("rubrics", ":id", use: rubrics.showPage)
    app.get("rubrics", ":id", "print", use: rubrics.printPage)
    app.get("rubrics", ":id", "markdown", use: rubrics.markdown)
    app.form("rubrics", ":id", "clone", use: rubrics.clonePage)
    app.get("rubrics", ":id", "edit", use: rubrics.editPage)
    app.form("rubrics", ":id", "edit", use: rubrics.savePage)
    app.form("rubrics", ":id", "delete", use: rubrics.deletePage)
    app.get("questions", use: questions.listPage)
    app.get("questions", "new", use: questions.newPage)
    app.form("questions", use: questions.createPage)
    app.get("questions", "export", use: questions.export)
    app.get("questions", "pack", use: packs.formPage)
    app.form("questions", "pack", max: "3mb", use: packs.importPage)
    app.get("questions", ":id", use: questions.showPage)
    app.form("questions", ":id", "delete", use: questions.deletePage)
    app.get("sessions", "new", use: sessions.newPage)
    app.form("sessions", use: sessions.createPage)
    app.get("sessions", ":id", use: sessions.showPage)
    app.form("sessions", ":id", "start", use: sessions.startPage)
    app.form("sessions", ":id", "delete", use: sessions.deletePage)
    app.form("sessions", ":id", "scores", use: sessions.scoresPage)
    app.form("sessions", ":id", "retro", use: sessions.retroPage)
    app.form("sessions", ":id", "drill", use: sessions.drillPage)
    app.form("sessions", ":id", "transcript", max: "20mb", use: analysis.attachPage)
    app.form("sessions", ":id", "run", use: runs.runPage)
    app.get("insights", use: insights.page)
    app.get("practice", use: practice.newPage)
    app.form("practice", use: practice.startPage)
    app.get("practice", ":id", use: practice.livePage)
    app.get("log", use: log.logPage)
    app.get("log", "export.csv", use: log.exportCSV)
    app.get("log", "export.json", use: log.exportJSON)
    app.get("settings", use: settings.page)
    app.form("settings", "target", use: settings.savePage)
    app.get("log", "import", use: log.importForm)
    app.form("log", "import", max: "20mb", use: log.importPage)

    // JSON API
    let api = app.grouped("api", "v1")
    api.get("rubrics", use: rubrics.list)
    api.get("rubrics", ":id", use: rubrics.show)
    api.get("rubrics", ":id", "markdown", use: rubrics.markdown)
    api.post("rubrics", ":id", "clone", use: rubrics.clone)
    api.put("rubrics", ":id", use: rubrics.update)
    api.delete("rubrics", ":id", use: rubrics.delete)
    api.get("questions", use: questions.list)
    api.on(.POST, "questions", body: .collect(maxSize: "10mb"), use: questions.create)
    api.get("questions", "pick", use: questions.pick)
    api.get("questions", "export", use: questions.export)
    api.on(.POST, "packs", body: .collect(maxSize: "3mb"), use: packs.importPack)
    api.get("packs", "export", use: packs.export)
    api.get("questions", ":id", use: questions.show)
    api.delete("questions", ":id", use: questions.delete)
    api.get("sessions", use: log.list)
    api.post("sessions", use: sessions.create)
    api.get("sessions", ":id", use: sessions.show)
    api.delete("sessions", ":id", use: sessions.delete)
    api.post("sessions", ":id", "start", use: sessions.start)
    api.post("sessions", ":id", "scores", use: sessions.scores)
    api.post("sessions", ":id", "retro", use: sessions.createRetro)
    api.put("sessions", ":id", "retro", use: sessions.replaceRetro)
    api.post("sessions", ":id", "retro", "drill", use: sessions.drill)
    api.on(.POST, "run", body: .collect(maxSize: "1mb"), use: runs.run)
    api.get("runs", use: runs.list)
    api.get("insights", use: insights.api)
    api.post("practice", use: practice.start)
    api.get("practice", ":id", use: practice.show)
    api.on(.POST, "practice", ":id", "answers", body: .collect(maxSize: "1mb"), use: practice.answer)
    api.on(.POST, "practice", ":id", "code", body: .collect(maxSize: "1mb"), use: practice.code)
    api.on(.POST, "practice", ":id", "run", body: .collect(maxSize: "1mb"), use: practice.run)
    api.post("practice", ":id", ":action", use: practice.action)
    api.on(.POST, "analyze", body: .collect(maxSize: "20mb"), use: analysis.analyze)
    api.on(.PUT, "sessions", ":id", "transcript", body: .collect(maxSize: "20mb"), use: analysis.attach)
    api.get("sessions", ":id", "transcript", "analysis", use: analysis.show)
    api.get("log", "export", use: log.export)
    api.get("target", use: settings.show)
    api.put("target", use: settings.update)
    api.on(.POST, "log", "import", body: .collect(maxSize: "20mb"), use: log.importCSV)
}

extension RoutesBuilder {
    /// A page's form post: its body collected up to `max`, its form token checked first.
    @discardableResult
    func form<R: AsyncResponseEncodable>(
        _ path: PathComponent..., max: ByteCount = "1mb", use handler: @Sendable @escaping (Request) async throws -> R
    ) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: max), use: handler)
        route.userInfo[FormTokenGuard.bodyLimitKey] = max.value
        return route
    }
}
