import Foundation

/// One change at a time per practice session within this process (answers, the editor's
/// autosave, a second tab), so they queue instead of racing; across app instances the store's
/// revision check and a retry do the same job.
actor PracticeLocks {
    static let shared = PracticeLocks()

    private var held: Set<UUID> = []
    private var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]

    func lock(_ id: UUID) async {
        guard held.contains(id) else {
            held.insert(id)
            return
        }
        await withCheckedContinuation { waiting[id, default: []].append($0) }
    }

    /// Hands the lock straight to the next waiter, if any.
    func unlock(_ id: UUID) {
        if var queue = waiting[id], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[id] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            held.remove(id)
        }
    }

    func withLock<T: Sendable>(_ id: UUID, _ body: () async throws -> T) async throws -> T {
        await lock(id)
        do {
            let result = try await body()
            unlock(id)
            return result
        } catch {
            unlock(id)
            throw error
        }
    }
}
