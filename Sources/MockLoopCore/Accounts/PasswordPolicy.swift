import Foundation

/// What a new password must be: at least 12 characters, not a common password (nor a common
/// one with digits or symbols around it), and not the person's own email or name.
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    /// Long enough for any passphrase, short enough that hashing stays bounded (bcrypt reads 72 bytes).
    public static let maximumLength = 200

    let common: Set<String>

    public init(common: Set<String>) { self.common = common }

    /// The policy with the list shipped with the app.
    public static let shipped: PasswordPolicy = {
        let url = Bundle.module.resourceURL?.appendingPathComponent("Content/passwords/common.txt")
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return PasswordPolicy(common: Set(text.split(separator: "\n").map(String.init)))
    }()

    /// The problem with `password`, in words, or nil when it is acceptable.
    public func problem(with password: String, email: String = "", name: String = "") -> String? {
        if password.count < Self.minimumLength {
            return "must be at least \(Self.minimumLength) characters (a few words in a row are easy to remember)"
        }
        if password.utf8.count > Self.maximumLength { return "must be at most \(Self.maximumLength) bytes" }
        let lower = password.lowercased()
        if isCommon(lower) { return "is one of the most common passwords: choose another" }
        if Set(lower).count <= 2 { return "repeats one or two characters: choose another" }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        for own in [email.lowercased(), local, name.lowercased()] where own.count >= 4 && lower.contains(own) {
            return "must not contain your email or name"
        }
        return nil
    }

    /// Common as it is, or a common password with digits and symbols around it ("password2024!").
    func isCommon(_ lower: String) -> Bool {
        if common.contains(lower) { return true }
        let core = lower.trimmingCharacters(in: CharacterSet.letters.inverted)
        return core.count >= 4 && core.count < lower.count && common.contains(core)
    }
}
