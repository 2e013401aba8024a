extension Optional where Wrapped == String {
    /// Blank form fields mean "not given".
    public var nonEmpty: String? {
        guard let s = self?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        return s
    }
}
