import MockLoopServices
import Vapor

/// Every route, grouped by area. Pages render HTML; /api/v1 speaks JSON (see /openapi.json).
/// A page's POST is declared with `form`, which bounds its body and has its form token checked.
func routes(_ app: Application, _ services: AppServices, openAPI: OpenAPIDocument) throws {
    let health = HealthController(services: services)
    app.get("healthz", use: health.check).access(.open)
    app.get("openapi.json", use: OpenAPIController(document: openAPI).show).access(.open)
    if let accounts = services.config.accounts { accountRoutes(app, services, accounts) }

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

/// Sign-in, sign-up and the account's own settings, on an instance with accounts.
func accountRoutes(_ app: Application, _ services: AppServices, _ accounts: AccountsConfig) {
    let signIn = SignInController(services: services, cookie: SignInCookie(secure: services.config.publicURL?.scheme == "https"))
    let settings = AccountSettingsController(services: services)
    app.get("sign-in", use: signIn.signInPage).access(.open)
    app.form("sign-in", use: signIn.signIn).access(.open)
    app.get("sign-up", use: signIn.signUpPage).access(.open)
    app.form("sign-up", use: signIn.signUp).access(.open)
    app.get("password", ":token", use: signIn.passwordPage).access(.open)
    app.form("password", ":token", use: signIn.setPassword).access(.open)
    app.form("sign-out", use: signIn.signOut)
    app.form("sign-out", "everywhere", use: signIn.signOutEverywhere)
    app.form("settings", "password", use: settings.changePasswordPage)
    app.form("settings", "devices", ":id", "revoke", use: settings.revokeDevicePage)
    app.form("settings", "tokens", use: settings.createTokenPage)
    app.form("settings", "tokens", ":id", "revoke", use: settings.revokeTokenPage)
    app.form("settings", "delete-account", use: settings.deleteAccountPage)

    let admin = AdminController(services: services)
    app.get("admin", use: admin.usersPage).access(.admin)
    app.form("admin", "users", ":id", ":action", use: admin.act).access(.admin)
    app.get("admin", "invites", use: admin.invitesPage).access(.admin)
    app.form("admin", "invites", use: admin.createInvite).access(.admin)
    app.form("admin", "invites", ":id", "revoke", use: admin.revokeInvite).access(.admin)
    app.get("admin", "audit", use: admin.auditPage).access(.admin)

    let api = app.grouped("api", "v1")
    api.get("account", use: settings.account)
    api.get("account", "devices", use: settings.devices)
    api.delete("account", "devices", ":id", use: settings.revokeDevice)
    api.get("account", "tokens", use: settings.tokens)
    api.post("account", "tokens", use: settings.createToken)
    api.delete("account", "tokens", ":id", use: settings.revokeToken)
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
