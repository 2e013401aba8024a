/// A small question pack (a rubric, a question of the user's own, and one whose id clashes with
/// a built-in), shared by the store and web tests.
public enum PackFixture {
    public static let yaml = """
        pack: 1
        name: Bootcamp week 3
        rubrics:
          - id: bootcamp-coding
            name: Bootcamp coding
            type: coding
            description: Our own coding rubric.
            dimensions:
              - {key: clarity, name: Clarity, question: Clear?, score1: No., score2: Partly., score3: Yes.}
              - {key: speed, name: Speed, question: Fast?, score1: No., score2: Partly., score3: Yes.}
              - {key: tests, name: Tests, question: Tested?, score1: No., score2: Partly., score3: Yes.}
        questions:
          - title: Reverse the playlist
            type: coding
            difficulty: easy
            prompt: Reverse it.
            facts:
              - {ask: [empty], say: An empty playlist stays empty.}
            modelAnswer: {outline: Two pointers swapping from both ends., complexity: O(n) time.}
          - id: balanced-brackets
            title: A clash with a built-in
            type: coding
            difficulty: easy
            prompt: Same id as a built-in question.
        """
}
