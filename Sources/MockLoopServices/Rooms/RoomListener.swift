import Foundation
import Logging
import MockLoopStore
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO
import Vapor

/// Listens, on a PostgreSQL connection of its own, for the notifications every instance sends
/// when it stores room events, and passes them to this instance's sockets. The payload says the
/// room, how far it is, the instance that stored it, and the events themselves when they fit
/// under PostgreSQL's 8,000 bytes; otherwise the sockets read them from the database. When the
/// connection drops, it reconnects and asks every socket to catch up.
struct RoomListener: LifecycleHandler {
    let configuration: PostgresConnection.Configuration
    let hub: RoomHub
    /// This instance's writer's id: its own notifications are passed by.
    let instance: UUID
    let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func didBoot(_ app: Application) throws {
        let logger = app.logger
        let (configuration, hub, instance) = (configuration, hub, instance.uuidString)
        task.withLockedValue {
            $0 = Task.detached {
                var first = true
                while !Task.isCancelled {
                    do {
                        let connection = try await PostgresConnection.connect(
                            configuration: configuration, id: 1, logger: Logger(label: "mockloop.rooms.listen"))
                        if !first { await hub.resyncAll() }
                        first = false
                        try await connection.listen(on: RoomRepository.channel) { notifications in
                            for try await n in notifications {
                                guard let note = RoomRepository.notification(n.payload, from: instance) else { continue }
                                if let events = note.events, events.last?.seq == note.seq {
                                    await hub.publish(note.room, .stored(events))
                                } else {
                                    await hub.publish(note.room, .notified(note.seq))
                                }
                            }
                        }
                        try? await connection.close()
                    } catch {
                        if Task.isCancelled { break }
                        logger.warning("room notifications: connection lost, reconnecting (\(String(reflecting: type(of: error))))")
                    }
                    // Back off before reconnecting, so a database that is down is not hammered.
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    func shutdown(_ app: Application) {
        task.withLockedValue { $0?.cancel() }
    }
}
