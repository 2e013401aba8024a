/// Trimming in plain Swift: Foundation's bridged trimming costs more than the whole analysis
/// on Linux, and transcripts trim every line.
extension StringProtocol {
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
