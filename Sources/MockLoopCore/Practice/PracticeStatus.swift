/// Where a timed mock stands. A quit session is kept as abandoned: nothing typed is lost.
public enum PracticeStatus: String, Codable, Sendable {
    case active, paused, finished, abandoned

    public var isOver: Bool { self == .finished || self == .abandoned }
}
