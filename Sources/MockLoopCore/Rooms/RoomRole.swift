/// The two seats of a live room. The interviewer runs the clock, sees the question's follow-ups,
/// hints and key points, takes notes and scores; the candidate answers and writes the code.
public enum RoomRole: String, Codable, Sendable, CaseIterable {
    case interviewer, candidate

    public var other: RoomRole { self == .interviewer ? .candidate : .interviewer }
}

/// Who an event of a room is delivered to. Everything the interviewer alone may see is stored
/// with `.interviewer` and filtered here, in one place, for the live feed and the resume backlog.
public enum RoomAudience: String, Codable, Sendable, CaseIterable {
    case both, interviewer, candidate

    public func reaches(_ role: RoomRole) -> Bool {
        switch self {
        case .both: true
        case .interviewer: role == .interviewer
        case .candidate: role == .candidate
        }
    }

    public static func only(_ role: RoomRole) -> RoomAudience { role == .interviewer ? .interviewer : .candidate }
}
