import Fluent
import Foundation
import MockLoopCore

/// Writes the commands of every room this instance serves, many to a transaction: while one
/// transaction commits, the commands that arrive wait and go together in the next. A commit
/// waits for the disk (SQLite's WAL, PostgreSQL's), so a few hundred typists cost a few hundred
/// commits a second one by one but only a handful together. Each command still gets exactly the
/// numbers, state and resend check it would get alone; a command the rules refuse is refused
/// alone; if the batch fails in the database, each of its commands is written on its own.
public actor RoomWriter {
    public typealias Result = (events: [RoomEvent], duplicate: Bool)

    /// A command waiting for its batch, and the caller waiting for its outcome.
    struct Job {
        var command: RoomRepository.Pending
        var done: CheckedContinuation<Result, Error>
    }

    let db: Database
    var queue: [Job] = []
    var writing = false
    /// Larger batches hold their locks longer; this keeps one commit short.
    let maxBatch = 256

    /// How many transactions were written and with how many commands (for the benchmark).
    public private(set) var transactions = 0
    public private(set) var commands = 0
    /// Seconds spent writing batches, commit included (for the benchmark).
    public private(set) var busy = 0.0

    /// Said with this instance's notifications, so its own listener can pass them by: its
    /// sockets heard of the events when they were stored.
    public nonisolated let instance = UUID()
    /// The states this writer decoded or wrote, by their exact JSON.
    let states = RoomStateCache()

    public init(db: Database) { self.db = db }

    public func append(
        _ roomID: UUID, clientKey: String?, by role: RoomRole?, now: Date = Date(), fresh: Bool = false,
        decide: @escaping @Sendable (inout RoomState, RoomModel) throws -> [RoomEventDraft]
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { done in
            let command = RoomRepository.Pending(
                roomID: roomID, clientKey: clientKey, role: role, now: now, decide: decide, fresh: fresh)
            queue.append(Job(command: command, done: done))
            if !writing {
                writing = true
                Task { await drain() }
            }
        }
    }

    func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(maxBatch))
            queue.removeFirst(batch.count)
            transactions += 1
            commands += batch.count
            let started = DispatchTime.now().uptimeNanoseconds
            await write(batch)
            busy += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        writing = false
    }

    func write(_ batch: [Job]) async {
        let pending = batch.map(\.command)
        do {
            let outcomes = try await db.transaction { tx in
                try await RoomRepository(db: tx).writeBatch(pending, instance: self.instance, states: self.states)
            }
            for (job, outcome) in zip(batch, outcomes) { job.done.resume(with: outcome) }
        } catch {
            // Something in the database failed (two instances' batches deadlocked, a resend raced
            // its original): each command is tried on its own instead.
            for job in batch {
                let c = job.command
                do {
                    job.done.resume(
                        returning: try await RoomRepository(db: db).append(
                            c.roomID, clientKey: c.clientKey, by: c.role, now: c.now, decide: c.decide))
                } catch { job.done.resume(throwing: error) }
            }
        }
    }
}
