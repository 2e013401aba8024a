/// Honest difficulty of a question, used by the picker's target mix.
public enum Difficulty: String, Codable, CaseIterable, Sendable, Comparable, LooseParsable {
    case easy, medium, hard

    public var label: String { rawValue.capitalized }

    public static func < (a: Difficulty, b: Difficulty) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
