import Foundation

/// How a user's own question or rubric is keyed in its table: the id they see, behind their user
/// id, so two people can both have "my-question" (or import the same pack) and neither learns
/// that the other has it. Built-in content keeps its plain id; the id people see is always the
/// one in the stored body.
enum OwnedKey {
    static func make(_ id: String, owner: UUID) -> String { owner.uuidString.lowercased() + "/" + id }

    /// The keys an id can have for this user: a built-in's, or their own.
    static func candidates(_ id: String, owner: UUID) -> [String] { [id, make(id, owner: owner)] }

    /// The id people see, from a stored key.
    static func visible(_ key: String) -> String {
        guard key.count > 37, let slash = key.firstIndex(of: "/"), key.distance(from: key.startIndex, to: slash) == 36,
            UUID(uuidString: String(key[..<slash])) != nil
        else { return key }
        return String(key[key.index(after: slash)...])
    }
}
