import Foundation
import Yams

/// YAML that users upload (question files, the API's YAML bodies), parsed within bounds.
/// Aliases are expanded by the decoder, so five nested levels of a 400-byte file become 59,000
/// nodes, and each level more multiplies time and memory by nine: the document's nodes are
/// counted as they would be expanded, stopping at the bound, before anything decodes them.
public enum UploadedYAML {
    public static let maxBytes = 2_000_000
    public static let maxNodes = 50_000

    public static func decode<T: Decodable>(_ type: T.Type, from yaml: String, fileName: String) throws -> T {
        guard yaml.utf8.count <= maxBytes else {
            throw MockLoopError(.tooLarge, "\(fileName): is larger than \(maxBytes / 1_000_000) MB", fields: [fileName: "too large"])
        }
        let node: Node
        do {
            guard let root = try Yams.compose(yaml: yaml) else { throw ContentError(file: fileName, problem: "is empty") }
            node = root
        } catch let error as ContentError {
            throw error
        } catch {
            throw ContentError(file: fileName, problem: "not valid YAML: \(error)")
        }
        var budget = maxNodes
        guard fits(node, budget: &budget) else {
            throw MockLoopError(
                .tooLarge,
                "\(fileName): expands to more than \(maxNodes) YAML nodes (nested aliases?); split it or write it out without aliases",
                fields: [fileName: "expands to more than \(maxNodes) nodes"])
        }
        return try YAMLDecoder().decode(type, from: node)
    }

    /// Counts the nodes as the decoder would see them, aliases expanded, until the budget runs out.
    static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let items):
            for item in items where !fits(item, budget: &budget) { return false }
            return true
        case .mapping(let pairs):
            for (key, value) in pairs where !fits(key, budget: &budget) || !fits(value, budget: &budget) { return false }
            return true
        }
    }
}
