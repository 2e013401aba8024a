import Foundation

extension Rubric {
    /// The rules every rubric keeps, built in or a user's edited clone.
    public func validate() throws {
        var problems = FieldProblems()
        if !Slug.isValid(id) { problems.add("id", "must be lowercase letters, digits and dashes (got '\(id)')") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("name", "is missing") }
        if !(3...10).contains(dimensions.count) { problems.add("dimensions", "needs 3 to 10 dimensions (has \(dimensions.count))") }
        var seen = Set<String>()
        for (i, d) in dimensions.enumerated() {
            let at = "dimensions[\(i)]"
            if !Slug.isValid(d.key.replacingOccurrences(of: "_", with: "-")) {
                problems.add("\(at).key", "must be a lowercase slug (got '\(d.key)')")
            }
            if !seen.insert(d.key).inserted { problems.add("\(at).key", "'\(d.key)' appears twice") }
            for (field, text) in [
                ("name", d.name), ("question", d.question), ("score1", d.score1), ("score2", d.score2), ("score3", d.score3),
            ]
            where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.add("\(at).\(field)", "is missing")
            }
        }
        try problems.check()
    }
}
