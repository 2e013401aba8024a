import Foundation
import MockLoopCore

/// One line a harness wrote to the results descriptor: what one case did (index ≥ 0), or why
/// the solution could not even be loaded (index −1). Only the server reads these, and only as
/// JSON: nothing the sandbox writes is ever used as a path or a command.
struct HarnessRecord: Decodable {
    var index: Int
    var ms: Double
    /// Function mode: the returned value (`.null` when the function returned None/undefined).
    var value: JSONValue?
    var error: String?
    /// "compile", "memory", "exception" or "missing" when `error` is set.
    var kind: String?
    // Stdio mode.
    var exit: Int32?
    var signal: Int32?
    var stdout: String?
    var stdoutBytes: Int?
    var stderr: String?

    enum CodingKeys: String, CodingKey {
        case index = "i"
        case ms, value, error, kind, exit, signal, stdout, stdoutBytes, stderr
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        index = try c.decode(Int.self, forKey: .index)
        ms = try c.decodeIfPresent(Double.self, forKey: .ms) ?? 0
        value = c.contains(.value) ? (try c.decodeIfPresent(JSONValue.self, forKey: .value) ?? .null) : nil
        error = try c.decodeIfPresent(String.self, forKey: .error)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        exit = try c.decodeIfPresent(Int32.self, forKey: .exit)
        signal = try c.decodeIfPresent(Int32.self, forKey: .signal)
        stdout = try c.decodeIfPresent(String.self, forKey: .stdout)
        stdoutBytes = try c.decodeIfPresent(Int.self, forKey: .stdoutBytes)
        stderr = try c.decodeIfPresent(String.self, forKey: .stderr)
    }

    /// Parses the results stream; a torn last line (the process was killed mid-write) is dropped.
    static func parse(_ data: Data) -> [HarnessRecord] {
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(HarnessRecord.self, from: Data($0)) }
    }
}
