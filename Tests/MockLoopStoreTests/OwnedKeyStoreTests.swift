import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import SQLKit
import Testing

/// Each user's questions and rubrics have their own ids: two people can both have
/// "my-question", import the same pack, or clone a rubric under the same name, and neither's
/// answer changes because of the other (so nothing tells one of the other's).
@Suite struct OwnedKeyStoreTests {
    static func question(_ id: String, _ title: String) -> Question {
        var q = TestDatabase.content.questions.first { $0.type == .behavioral }!
        q.id = id
        q.title = title
        return q
    }

    @Test(arguments: TestDatabase.available)
    func twoUsersHaveTheSameIdsWithoutSeeingEachOther(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, ann in
            let bob = try await OwnerRepository(db: db).createUser(name: "Bob")
            let annQs = QuestionRepository(db: db, userID: ann)
            let bobQs = QuestionRepository(db: db, userID: bob)
            let a = try await annQs.add([Self.question("my-question", "Ann's")])
            let b = try await bobQs.add([Self.question("my-question", "Bob's")])
            #expect(a.map(\.id) == ["my-question"] && b.map(\.id) == ["my-question"], "no suffix: Ann's id is not Bob's concern")
            #expect(try await annQs.find("my-question").question.title == "Ann's")
            #expect(try await bobQs.find("my-question").question.title == "Bob's")
            #expect(try await bobQs.all().filter { $0.id == "my-question" }.map(\.title) == ["Bob's"])
            #expect(try await bobQs.titles(type: .behavioral).filter { $0.id == "my-question" }.map(\.title) == ["Bob's"])
            try await bobQs.delete("my-question")
            #expect(try await annQs.find("my-question").question.title == "Ann's", "Bob's delete took only his")
            let again = try await annQs.add([Self.question("my-question", "Ann's second")])
            #expect(again.map(\.id) == ["my-question-2"], "a user's own id still gets a suffix")

            let annClone = try await RubricRepository(db: db, userID: ann).clone("coding", name: "Bootcamp")
            let bobClone = try await RubricRepository(db: db, userID: bob).clone("coding", name: "Bootcamp")
            #expect(annClone.rubric.id == "bootcamp" && bobClone.rubric.id == "bootcamp")
            var edited = bobClone.rubric
            edited.name = "Bob's bootcamp"
            _ = try await RubricRepository(db: db, userID: bob).update("bootcamp", with: edited)
            #expect(try await RubricRepository(db: db, userID: ann).find("bootcamp").rubric.name == "Bootcamp")

            for user in [ann, bob] {
                let report = try await PackRepository(db: db, userID: user).importPack(
                    try QuestionPack.parse(yaml: PackFixture.yaml, fileName: "week3.yaml"))
                #expect(report.addedQuestions == ["reverse-the-playlist"] && report.refused.map(\.id) == ["balanced-brackets"])
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func rowsMadeBeforeOwnedKeysAreReKeyedByTheMigration(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, ann in
            _ = try await QuestionRepository(db: db, userID: ann).add([Self.question("old-one", "Made long ago")])
            let sql = try #require(db as? SQLDatabase)
            // As an older version stored it: the plain id.
            try await sql.update("questions").set("id", to: SQLBind("old-one")).where("built_in", .equal, SQLBind(false)).run()
            try await Migrations.all.first { String(describing: type(of: $0)) == "M014OwnedKeys" }!.prepare(on: db).get()
            #expect(try await QuestionRepository(db: db, userID: ann).find("old-one").question.title == "Made long ago")
            let bob = try await OwnerRepository(db: db).createUser(name: "Bob")
            await #expect(throws: MockLoopError.self) { try await QuestionRepository(db: db, userID: bob).find("old-one") }
        }
    }
}
