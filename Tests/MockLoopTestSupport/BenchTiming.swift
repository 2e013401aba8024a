import Foundation

// What the benchmarks share: timing a step, reading a percentile, printing milliseconds.

/// The value below which a share `p` (0–1) of `values` falls (nearest rank).
public func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

/// Seconds as "12.34 ms".
public func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }

/// How long `body` took, in seconds.
public func timed(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
