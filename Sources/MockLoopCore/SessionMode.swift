/// Who sat across the table. Real interviews are logged like mocks (principle 5);
/// AI sessions are always labelled as such (principle 4).
public enum SessionMode: String, Codable, CaseIterable, Sendable, LooseParsable {
    case ai
    case peer
    case paidPro = "paid_pro"
    case friend
    case solo
    case real

    public var label: String {
        switch self {
        case .ai: "AI interviewer"
        case .peer: "Peer"
        case .paidPro: "Paid pro"
        case .friend: "Friend"
        case .solo: "Solo"
        case .real: "Real interview"
        }
    }

    /// A human watched and judged: the sessions that count toward the weekly target.
    public var isHumanObserved: Bool { [.peer, .paidPro, .friend, .real].contains(self) }
}
