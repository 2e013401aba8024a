/// Validation names what it checked (`interviewerScores.design`, `priorityFix.text`,
/// `dimensions[1].name`); a form names its fields its own way. One renaming for every form:
/// each problem under the field it belongs to, the first problem of a field kept.
extension Dictionary where Key == String, Value == String {
    func renamingKeys(_ field: (String) -> String) -> [String: String] {
        var out: [String: String] = [:]
        for (key, problem) in self.sorted(by: { $0.key < $1.key }) where out[field(key)] == nil { out[field(key)] = problem }
        return out
    }
}
