/// A fixed number of concurrency slots; each has its own uid so one submission's processes can
/// never signal, trace or outlive into another's, and RLIMIT_NPROC counts per submission.
actor SlotPool {
    private var free: [Int]
    private var waiting: [CheckedContinuation<Int, Never>] = []

    init(count: Int) { free = Array((0..<max(1, count)).reversed()) }

    func acquire() async -> Int {
        if let slot = free.popLast() { return slot }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func release(_ slot: Int) {
        if waiting.isEmpty { free.append(slot) } else { waiting.removeFirst().resume(returning: slot) }
    }
}
