import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing
import VaporTesting

/// The first hour of a new user: the target asked once and read everywhere, three ways to
/// start, forms that come back with what was typed, and pages that say things once.
@Suite struct FirstDayTests {
    static func form(_ fields: [(String, String)]) -> (HTTPHeaders, ByteBuffer) { RequestBody.form(fields) }

    static func setTarget(_ app: Application, _ fields: [(String, String)]) async throws {
        let (h, b) = form(fields + [("back", "/settings")])
        try await app.testing().test(.POST, "/settings/target", headers: h, body: b) { res in
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/settings?saved=1")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theTargetIsAskedOnTheFirstVisitAndEveryDefaultReadsIt(db kind: TestDatabase) async throws {
        try await withMockLoopApp(kind) { app in
            try await app.testing().test(.GET, "/") { res in
                let html = res.body.string
                #expect(html.contains("<title>Your practice loop · MockLoop</title>"))
                #expect(html.contains("What are you preparing for?"))
                #expect(
                    html.contains("<a class=\"button\" href=\"/practice?type=coding\">Start an AI mock</a>"), "the main start is a mock")
                #expect(html.contains("href=\"/log/import\""))
            }
            // A bad target comes back on the home page with what was typed, each problem beside its field.
            let (h, b) = Self.form([("tier", "tier2"), ("level", "staff"), ("loopDate", "2020-01-01"), ("company", "Acme"), ("back", "/")])
            try await app.testing().test(.POST, "/settings/target", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("<p class=\"field-error\" id=\"err-types\">choose at least one interview type in your loop</p>"))
                #expect(html.contains("<p class=\"field-error\" id=\"err-loopDate\">is in the past"))
                #expect(html.contains("value=\"Acme\"") && html.contains("<option value=\"staff\" selected>"))
                #expect(html.contains("<h1>Your practice loop</h1>"))
            }
            try await Self.setTarget(
                app,
                [("tier", "tier1"), ("level", "staff"), ("round_system_design", "on"), ("round_coding", "on"), ("company", "Stripe")])
            try await app.testing().test(.GET, "/") { res in
                let html = res.body.string
                #expect(!html.contains("What are you preparing for?"), "asked once")
                #expect(html.contains("Target: Tier 1 · Staff · Coding, System design · Stripe"))
            }
            try await app.testing().test(.GET, "/sessions/new") { res in
                let html = res.body.string
                #expect(html.contains("<option value=\"staff\" selected>Staff</option>"), "the level starts at the target, not Senior")
                #expect(html.contains("value=\"Stripe\""))
                #expect(html.contains("<input type=\"hidden\" name=\"type\" value=\"coding\">"))
            }
            try await app.testing().test(.GET, "/practice") { res in
                #expect(res.body.string.contains("<option value=\"staff\" selected>Staff</option>"))
            }
            try await app.testing().test(.GET, "/api/v1/target") { res in
                let body = try res.content.decode(SettingsTargetJSON.self)
                #expect(body.set && body.level == "staff" && body.types == ["coding", "system_design"] && body.company == "Stripe")
            }
            // The AI mock started without a tier or level is calibrated to the target.
            let (ph, pb) = RequestBody.json(["type": "system_design", "seed": 7])
            try await app.testing().test(.POST, "/api/v1/practice", headers: ph, body: pb) { res in
                #expect(res.status == .created)
                let id = try res.content.decode(PracticeID.self).id
                try await app.testing().test(.GET, "/api/v1/sessions/\(id)") { res in
                    let session = try res.content.decode(TargetOfSession.self)
                    #expect(session.level == "staff")
                }
            }
        }
    }

    @Test func readinessIsToldAgainstTheLoopDate() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.dateFormat = "yyyy-MM-dd"
            let day = f.string(from: Date().addingTimeInterval(20 * 86_400 + 3600))
            try await Self.setTarget(app, [("tier", "tier2"), ("level", "senior"), ("round_behavioral", "on"), ("loopDate", day)])
            try await app.testing().test(.GET, "/insights?type=behavioral") { res in
                #expect(res.body.string.contains("Your loop (Senior, Tier 2) is on \(day): in 20 days."))
            }
            try await app.testing().test(.GET, "/settings") { res in
                #expect(res.body.string.contains("value=\"\(day)\""), "the settings page shows the saved target")
            }
        }
    }

    @Test func theTargetAPIRefusesBadInputByField() async throws {
        try await withMockLoopApp(.sqlite) { app in
            try await app.testing().test(.GET, "/api/v1/target") { res in
                let body = try res.content.decode(SettingsTargetJSON.self)
                #expect(!body.set && body.level == "senior", "before a choice: the assumed Tier-1 Senior loop")
            }
            let (h, b) = RequestBody.json(["tier": "tier9", "level": "staff", "types": ["coding", "cooking"], "loopDate": "31/12/2026"])
            try await app.testing().test(.PUT, "/api/v1/target", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                let problem = try res.content.decode(ProblemJSON.self)
                #expect(problem.fields["tier"]?.contains("tier9") == true)
                #expect(problem.fields["types"]?.contains("cooking") == true)
                #expect(problem.fields["loopDate"]?.contains("2026-12-15") == true, "the format is shown by example")
            }
            try await app.testing().test(.GET, "/api/v1/target") { res in
                let target = try res.content.decode(SettingsTargetJSON.self)
                #expect(target.set == false, "nothing half-saved")
            }
        }
    }

    @Test func aiModeGoesToTheAIMockAndAQuestionPagePractisesThatQuestion() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = Self.form([("type", "coding"), ("mode", "ai"), ("questionId", "balanced-brackets")])
            try await app.testing().test(.POST, "/sessions", headers: h, body: b) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/practice?type=coding&question=balanced-brackets")
            }
            try await app.testing().test(.GET, "/api/v1/sessions") { res in
                let log = try res.content.decode(LogTotal.self)
                #expect(log.total == 0, "no empty planned session is left behind")
            }
            let (h2, b2) = Self.form([("type", "api_design"), ("mode", "ai"), ("interviewer", "Sam")])
            try await app.testing().test(.POST, "/sessions", headers: h2, body: b2) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(
                    html.contains("<p class=\"field-error\" id=\"err-mode\">the AI interviewer runs coding, system design and behavioral"))
                #expect(html.contains("value=\"Sam\""))
            }
            try await app.testing().test(.GET, "/questions/balanced-brackets") { res in
                let html = res.body.string
                #expect(html.contains("href=\"/practice?question=balanced-brackets\""))
                #expect(html.contains("href=\"/sessions/new?type=coding&amp;questionId=balanced-brackets\""))
            }
            try await app.testing().test(.GET, "/practice?question=sd-distributed-rate-limiter") { res in
                let html = res.body.string
                #expect(html.contains("<input type=\"hidden\" name=\"type\" value=\"system_design\">"), "the question brings its type")
                #expect(html.contains("<option value=\"sd-distributed-rate-limiter\" selected>"))
            }
            try await app.testing().test(.GET, "/sessions/new?type=coding&questionId=balanced-brackets") { res in
                #expect(res.body.string.contains("<option value=\"balanced-brackets\" selected>"))
            }
            try await app.testing().test(.GET, "/practice?type=coding") { res in
                #expect(res.body.string.contains(">JavaScript</option>") && !res.body.string.contains("Javascript"))
            }
        }
    }

    @Test func switchingTypeKeepsWhatWasTypedAndAClonedRubricIsRemembered() async throws {
        try await withMockLoopApp(.sqlite) { app in
            try await app.testing().test(.GET, "/sessions/new?type=behavioral&interviewer=Ana&level=mid&mode=friend") { res in
                let html = res.body.string
                #expect(html.contains("value=\"Ana\""))
                #expect(html.contains("<option value=\"mid\" selected>Mid</option>"))
                #expect(html.contains("<option value=\"friend\" selected>Friend</option>"))
            }
            let (h, b) = Self.form([("name", "Behavioral for EM")])
            try await app.testing().test(.POST, "/rubrics/behavioral/clone", headers: h, body: b) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/sessions/new?type=behavioral") { res in
                #expect(res.body.string.contains("<option value=\"behavioral-for-em\" selected>Behavioral for EM (mine)</option>"))
            }
            try await app.testing().test(.GET, "/sessions/new?type=coding") { res in
                #expect(!res.body.string.contains("(mine)</option>"), "remembered for its own type only")
            }
        }
    }
}

struct SettingsTargetJSON: Decodable {
    var set: Bool
    var level: String
    var types: [String]
    var company: String?
}

struct ProblemJSON: Decodable {
    var fields: [String: String]
}

struct PracticeID: Decodable { var id: String }
struct TargetOfSession: Decodable { var level: String? }
struct LogTotal: Decodable { var total: Int }
