/// Cue times: `00:01:02.500` (WebVTT), `00:01:02,500` (SRT), or `01:02.500` (WebVTT without hours).
enum Timestamp {
    static func parse(_ raw: Substring) -> Double? {
        let parts = raw.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let pieces = parts.last!.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard pieces.count <= 2, pieces[0].count == 2, let s = Int(pieces[0]), s < 60 else { return nil }
        var fraction = 0.0
        if pieces.count == 2 {
            guard (1...3).contains(pieces[1].count), let f = Int(pieces[1]) else { return nil }
            fraction = Double(f) / pow10(pieces[1].count)
        }
        guard let m = Int(parts[parts.count - 2]), m < 60, parts[parts.count - 2].count == 2 else { return nil }
        var h = 0
        if parts.count == 3 {
            guard let hours = Int(parts[0]), hours >= 0 else { return nil }
            h = hours
        }
        return Double(h * 3600 + m * 60 + s) + fraction
    }

    private static func pow10(_ n: Int) -> Double { n == 1 ? 10 : (n == 2 ? 100 : 1000) }
}
