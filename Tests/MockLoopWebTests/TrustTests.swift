import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopTestSupport
import MockLoopWeb
import Testing
import VaporTesting

/// The trust boundary around `mockloop serve`: each test is an attack that worked before.
@Suite struct TrustTests {
    static func headers(_ pairs: [(String, String)]) -> HTTPHeaders {
        var h = HTTPHeaders()
        for (name, value) in pairs { h.add(name: name, value: value) }
        return h
    }

    static func logCount(_ app: Application) async throws -> Int {
        var total = -1
        try await app.testing().test(.GET, "/api/v1/sessions") { res in
            total = (try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])?["total"] as? Int ?? -1
        }
        return total
    }

    // MARK: 1. DNS rebinding

    @Test func onlyAllowedHostNamesAreServed() async throws {
        let lan: (inout AppConfig) -> Void = { $0.extraHosts = ["mocks.lan"] }
        try await withMockLoopApp(.sqlite, config: lan) { app in
            try await app.testing().test(.GET, "/api/v1/log/export?format=json", headers: Self.headers([("Host", "rebind.example:8080")])) {
                res in
                #expect(res.status == .misdirectedRequest)
                #expect(res.body.string.contains("MOCKLOOP_ALLOWED_HOSTS") && res.body.string.contains("MOCKLOOP_PUBLIC_URL"))
                #expect(!res.body.string.contains("\"entries\""), "nothing of the log is answered")
            }
            try await app.testing().test(.GET, "/", headers: Self.headers([("Host", "rebind.example")])) { res in
                #expect(res.status == .misdirectedRequest)
                #expect(res.headers.contentType == .html, "a browser gets a page saying what to set")
            }
            for host in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "LOCALHOST", "mocks.lan:8080"] {
                try await app.testing().test(.GET, "/api/v1/log/export?format=json", headers: Self.headers([("Host", host)])) { res in
                    #expect(res.status == .ok, "\(host) is served")
                }
            }
        }
    }

    @Test func thePublicURLsHostIsServed() async throws {
        let proxied: (inout AppConfig) -> Void = { $0.publicURL = URL(string: "https://mocks.example.org") }
        try await withMockLoopApp(.sqlite, config: proxied) { app in
            try await app.testing().test(.GET, "/healthz", headers: Self.headers([("Host", "mocks.example.org")])) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.GET, "/healthz", headers: Self.headers([("Host", "example.org")])) { res in
                #expect(res.status == .misdirectedRequest)
            }
        }
    }

    // MARK: 2. Cross-site writes

    @Test func aFormPostFromAnotherSiteRunsNoCode() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let h = Self.headers([
                ("Host", "127.0.0.1:8080"), ("Origin", "https://evil.example"), ("Content-Type", "application/x-www-form-urlencoded"),
            ])
            try await app.testing().test(
                .POST, "/api/v1/run", headers: h, body: ByteBuffer(string: "language=python&code=print(1)&questionId=balanced-brackets")
            ) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("another site"))
            }
            try await app.testing().test(.GET, "/api/v1/runs") { res in
                #expect(res.body.string.contains("\"runs\":[]") || res.body.string.contains("\"runs\" : []"), "no run was recorded")
            }
        }
    }

    @Test func undocumentedMediaTypesAre415AndChangeNothing() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let csv = "Date,Type,Mode\n2026-11-01,coding,peer\n"
            try await app.testing().test(
                .POST, "/api/v1/log/import", headers: Self.headers([("Content-Type", "text/plain")]), body: ByteBuffer(string: csv)
            ) { res in
                #expect(res.status == .unsupportedMediaType)
                #expect((APITests.problem(res)["message"] as? String)?.contains("text/csv") == true)
            }
            #expect(try await Self.logCount(app) == 0, "no row was imported")
            let yaml = "questions:\n  - id: planted\n    type: coding\n    title: Planted\n    prompt: x\n    difficulty: easy\n"
            try await app.testing().test(
                .POST, "/api/v1/questions", headers: Self.headers([("Content-Type", "text/plain; x=yaml")]), body: ByteBuffer(string: yaml)
            ) { res in
                #expect(res.status == .unsupportedMediaType)
                #expect((APITests.problem(res)["message"] as? String)?.contains("application/json or application/yaml") == true)
            }
            try await app.testing().test(.GET, "/api/v1/questions/planted") { res in #expect(res.status == .notFound) }
            try await app.testing().test(
                .POST, "/api/v1/sessions", headers: Self.headers([("Content-Type", "text/plain")]),
                body: ByteBuffer(string: #"{"type":"coding","mode":"peer"}"#)
            ) { res in #expect(res.status == .unsupportedMediaType) }
            #expect(try await Self.logCount(app) == 0)
        }
    }

    @Test func cross_siteFormPostsAreRefusedAndSameSiteOnesWithTheirTokenAccepted() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let fields = [("name", "Hijacked"), ("description", "x")]
            // Another site's page: no token, its Origin, or the browser's cross-site mark.
            for extra in [[("Origin", "https://evil.example")], [("Sec-Fetch-Site", "cross-site")], [("Sec-Fetch-Site", "same-site")]] {
                var (h, b) = RequestBody.form(fields, withToken: true)
                for (k, v) in extra { h.add(name: k, value: v) }
                h.replaceOrAdd(name: .host, value: "127.0.0.1:8080")
                try await app.testing().test(.POST, "/rubrics/coding/clone", headers: h, body: b) { res in
                    #expect(res.status == .forbidden, "\(extra)")
                }
            }
            let (noToken, body) = RequestBody.form(fields, withToken: false)
            try await app.testing().test(.POST, "/rubrics/coding/clone", headers: noToken, body: body) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("reload the page"))
            }
            // A cookie planted from a sibling port with a token of its own making fails its signature.
            let forged = FormToken(secret: "someone else's").mint()
            var (h, b) = RequestBody.form(fields, withToken: false)
            h.add(name: .cookie, value: "\(FormToken.cookie)=\(forged)")
            b = ByteBuffer(string: b.getString(at: 0, length: b.readableBytes)! + "&csrf=" + forged)
            try await app.testing().test(.POST, "/rubrics/coding/clone", headers: h, body: b) { res in #expect(res.status == .forbidden) }
            try await app.testing().test(.GET, "/api/v1/rubrics") { res in #expect(!res.body.string.contains("Hijacked")) }
            // The same form from our own page, as a browser sends it.
            var (ok, okBody) = RequestBody.form(fields)
            ok.add(name: .origin, value: "http://127.0.0.1:8080")
            ok.add(name: "Sec-Fetch-Site", value: "same-origin")
            ok.replaceOrAdd(name: .host, value: "127.0.0.1:8080")
            try await app.testing().test(.POST, "/rubrics/coding/clone", headers: ok, body: okBody) { res in
                #expect(res.status == .seeOther)
            }
        }
    }

    @Test func aWebSocketUpgradeFromAnotherSiteIsRefused() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let h = Self.headers([("Origin", "https://evil.example"), ("Upgrade", "websocket"), ("Connection", "Upgrade")])
            try await app.testing().test(.GET, "/api/v1/sessions", headers: h) { res in #expect(res.status == .forbidden) }
        }
    }

    /// Every page form that posts carries the browser's token, and the cookie holding it is
    /// HttpOnly and SameSite=Strict; GET filter forms carry none (their URLs get shared).
    @Test func everyPostingFormCarriesTheToken() async throws {
        try await withMockLoopApp(.sqlite) { app in
            var sessionPath = ""
            let (h, b) = RequestBody.form([("type", "coding"), ("mode", "peer"), ("questionId", "balanced-brackets")])
            try await app.testing().test(.POST, "/sessions", headers: h, body: b) { res in
                sessionPath = res.headers.first(name: .location) ?? ""
            }
            for path in [
                sessionPath, "/sessions/new", "/rubrics/coding", "/questions/new", "/practice", "/log/import", "/log", "/questions",
            ] {
                try await app.testing().test(.GET, path) { res in
                    let html = res.body.string
                    let setCookie = res.headers[.setCookie].first { $0.hasPrefix(FormToken.cookie + "=") } ?? ""
                    #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), "\(path) sets the token cookie")
                    let token = setCookie.dropFirst(FormToken.cookie.count + 1).prefix { $0 != ";" }
                    let forms = html.components(separatedBy: "<form").dropFirst()
                    for form in forms {
                        let tag = form.prefix { $0 != ">" }
                        let body = form.components(separatedBy: "</form>")[0]
                        if tag.contains("method=\"post\"") {
                            #expect(!token.isEmpty && body.contains("name=\"csrf\" value=\"\(token)\""), "\(path): \(tag)")
                        } else {
                            #expect(!body.contains("name=\"csrf\""), "\(path): a GET form carries no token")
                        }
                    }
                }
            }
        }
    }

    // MARK: 8. Headers

    @Test func everyPageCarriesTheSecurityHeaders() async throws {
        try await withMockLoopApp(.sqlite) { app in
            for path in ["/", "/log", "/questions", "/rubrics", "/insights", "/practice", "/sessions/new", "/nowhere", "/api/v1/rubrics"] {
                try await app.testing().test(.GET, path) { res in
                    let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                    #expect(
                        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"),
                        "\(path)")
                    #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                    #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
                    #expect(res.headers.first(name: "Permissions-Policy")?.contains("camera=()") == true)
                    #expect(res.headers.first(name: "Permissions-Policy")?.contains("microphone=()") == true, "\(path) needs no microphone")
                    if res.headers.contentType == .html { #expect(!res.body.string.contains("<script>"), "\(path) has no inline script") }
                }
            }
            let (h, b) = RequestBody.form([("type", "behavioral")])
            var live = ""
            try await app.testing().test(.POST, "/practice", headers: h, body: b) { res in live = res.headers.first(name: .location) ?? "" }
            try await app.testing().test(.GET, live) { res in
                #expect(res.headers.first(name: "Permissions-Policy")?.contains("microphone=(self)") == true, "speech answers need it")
            }
        }
    }
}
