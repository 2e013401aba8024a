import Foundation
import MockLoopTestSupport
import Testing
import VaporTesting

/// Packs over HTTP: the API imports YAML and answers with the report, refuses a bad pack by its
/// entry and field (nothing imported), exports the user's own bank; the page form does the same
/// and keeps the problem beside the field.
@Suite struct PackWebTests {
    static func yamlBody(_ text: String) -> (HTTPHeaders, ByteBuffer) {
        var h = HTTPHeaders()
        h.contentType = HTTPMediaType(type: "application", subType: "yaml")
        return (h, ByteBuffer(string: text))
    }

    @Test func theAPIImportsReportsAndExports() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = Self.yamlBody(PackFixture.yaml)
            try await app.testing().test(.POST, "/api/v1/packs", headers: h, body: b) { res in
                #expect(res.status == .ok)
                let json = (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:]
                #expect(json["addedQuestions"] as? [String] == ["reverse-the-playlist"])
                #expect((json["refused"] as? [[String: Any]])?.first?["id"] as? String == "balanced-brackets")
            }
            let (hb, bb) = Self.yamlBody(PackFixture.yaml.replacingOccurrences(of: "name: Bootcamp coding", with: "name: \"\""))
            try await app.testing().test(.POST, "/api/v1/packs", headers: hb, body: bb) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("bootcamp-coding") && res.body.string.contains("name"), "\(res.body.string)")
            }
            try await app.testing().test(.GET, "/api/v1/packs/export?name=Week%203") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("pack: 1") && res.body.string.contains("name: Week 3"))
                #expect(res.body.string.contains("reverse-the-playlist") && !res.body.string.contains("id: balanced-brackets"))
            }
        }
    }

    @Test func thePageFormImportsAndShowsProblemsBesideTheField() async throws {
        try await withMockLoopApp(.sqlite) { app in
            let (h, b) = RequestBody.form([("yaml", PackFixture.yaml)])
            try await app.testing().test(.POST, "/questions/pack", headers: h, body: b) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Imported “Bootcamp week 3”"))
                #expect(res.body.string.contains("<td>balanced-brackets</td>"))
            }
            let (hb, bb) = RequestBody.form([("yaml", "pack: 1\nname: Empty\n")])
            try await app.testing().test(.POST, "/questions/pack", headers: hb, body: bb) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("id=\"pack-problem\""))
                #expect(res.body.string.contains(">pack: 1\nname: Empty\n</textarea>"), "the pasted pack is kept")
                #expect(res.body.string.contains("has no questions and no rubrics"))
            }
        }
    }
}
