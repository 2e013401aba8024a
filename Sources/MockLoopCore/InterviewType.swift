/// The kinds of interview a session can practise; each has its own built-in rubric.
public enum InterviewType: String, Codable, CaseIterable, Sendable {
    case coding
    case systemDesign = "system_design"
    case behavioral
    case apiDesign = "api_design"
    case dataModeling = "data_modeling"

    public var label: String {
        switch self {
        case .coding: "Coding"
        case .systemDesign: "System design"
        case .behavioral: "Behavioral"
        case .apiDesign: "API design"
        case .dataModeling: "Data modeling"
        }
    }

    /// Default mock length in minutes, as a real loop schedules it.
    public var defaultMinutes: Int { self == .behavioral ? 30 : 45 }
}

extension InterviewType: LooseParsable {}
