import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import Testing

/// Questions are decoded once per stored body: reading the bank again gives the same questions,
/// and an edited question is read as edited, never from the earlier decoding.
@Suite struct DecodedQuestionsTests {
    @Test func anEditedQuestionIsNeverReadStale() async throws {
        try await withStore(.sqlite) { db, owner in
            let questions = QuestionRepository(db: db, userID: owner)
            let first = try await questions.all(type: .coding)
            #expect(try await questions.all(type: .coding) == first)
            var mine = try #require(first.first { $0.id == "balanced-brackets" })
            mine.id = "my-brackets"
            mine.title = "My brackets"
            _ = try await questions.add([mine])
            let model = try #require(
                try await QuestionModel.query(on: db).filter(\.$ownerID == owner).filter(\.$title == "My brackets").first())
            #expect(try model.question().title == "My brackets")
            var edited = try model.question()
            edited.title = "My brackets, edited"
            try model.set(edited)
            try await model.save(on: db)
            #expect(try await questions.find("my-brackets").question.title == "My brackets, edited")
        }
    }
}
