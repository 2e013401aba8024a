import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import Testing

/// Question packs on both databases: an import adds, updates and refuses entry by entry in one
/// transaction; an invalid pack names its entry and field and imports nothing; an export reads back.
@Suite struct PackStoreTests {
    static let pack = PackFixture.yaml

    @Test(arguments: TestDatabase.available)
    func anImportAddsUpdatesAndRefusesThenExportsBack(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let repo = PackRepository(db: db, userID: owner)
            let first = try await repo.importPack(try QuestionPack.parse(yaml: Self.pack, fileName: "week3.yaml"))
            #expect(first.addedQuestions == ["reverse-the-playlist"])
            #expect(first.addedRubrics == ["bootcamp-coding"])
            #expect(first.refused.map(\.id) == ["balanced-brackets"])
            #expect(first.refused.first?.reason.contains("built-in") == true)
            let builtIn = try await QuestionRepository(db: db, userID: owner).find("balanced-brackets")
            #expect(builtIn.builtIn && builtIn.question.title != "A clash with a built-in", "a built-in is never overwritten")

            let changed = Self.pack.replacingOccurrences(of: "Reverse it.", with: "Reverse it in place.")
            let second = try await repo.importPack(try QuestionPack.parse(yaml: changed, fileName: "week3.yaml"))
            #expect(second.updatedQuestions == ["reverse-the-playlist"] && second.addedQuestions.isEmpty)
            #expect(second.updatedRubrics == ["bootcamp-coding"])
            let stored = try await QuestionRepository(db: db, userID: owner).find("reverse-the-playlist").question
            #expect(stored.prompt == "Reverse it in place.")
            #expect(stored.facts?.first?.say == "An empty playlist stays empty.")
            #expect(stored.modelAnswer?.complexity == "O(n) time.")

            let exported = try await repo.export(name: "Mine", builtIn: false)
            #expect(exported.questions?.compactMap(\.id) == ["reverse-the-playlist"])
            #expect(exported.rubrics?.map(\.id) == ["bootcamp-coding"])
            let yaml = try exported.yaml()
            let again = try QuestionPack.parse(yaml: yaml, fileName: "export.yaml")
            #expect(again.questions.first == stored, "an exported pack reads back to the same question")
        }
    }

    @Test(arguments: TestDatabase.available)
    func anInvalidPackNamesItsEntryAndFieldAndImportsNothing(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let before = try await QuestionModel.query(on: db).count()
            let broken = Self.pack.replacingOccurrences(
                of: "difficulty: easy\n    prompt: Same id", with: "difficulty: impossible\n    prompt: Same id")
            do {
                _ = try QuestionPack.parse(yaml: broken, fileName: "week3.yaml")
                Issue.record("an invalid pack was accepted")
            } catch let e as ContentError {
                #expect(e.file == "week3.yaml" && e.entry == "balanced-brackets" && e.field == "difficulty", "\(e)")
            }
            #expect(throws: ContentError.self) {
                try QuestionPack.parse(yaml: Self.pack.replacingOccurrences(of: "pack: 1", with: "pack: 2"), fileName: "new.yaml")
            }
            #expect(try await QuestionModel.query(on: db).count() == before)
            _ = owner
        }
    }
}
