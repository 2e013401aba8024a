import Foundation

/// What time it is for the server. Production always reads the system clock (no setting reaches
/// anything else); tests make a test clock and move it forward, so no-shows and other deadlines
/// are tested without sleeping.
public final class ServerClock: @unchecked Sendable {
    public static let system = ServerClock(start: nil)

    private let lock = NSLock()
    private var current: Date?

    private init(start: Date?) { current = start }

    /// A clock standing at `start` until moved.
    public static func test(_ start: Date) -> ServerClock { ServerClock(start: start) }

    public func now() -> Date {
        lock.withLock { current } ?? Date()
    }

    /// Moves a test clock forward; the system clock cannot be moved.
    public func advance(by seconds: TimeInterval) {
        lock.withLock {
            precondition(current != nil, "the system clock cannot be moved")
            current = current?.addingTimeInterval(seconds)
        }
    }
}
