import Foundation
import MockLoopCore

/// Live rooms' settings: how long an ended room is kept (MOCKLOOP_ROOM_KEEP_HOURS, default 24)
/// and the ICE servers browsers use to reach each other (MOCKLOOP_ICE_SERVERS: a JSON array of
/// RTCIceServer objects, or STUN/TURN URLs separated by commas; none needed on one network).
public struct RoomsConfig: Sendable {
    public var keepAfterEnd: TimeInterval
    public var iceServers: [JSONValue]

    public init(keepAfterEnd: TimeInterval = 24 * 3600, iceServers: [JSONValue] = []) {
        self.keepAfterEnd = keepAfterEnd
        self.iceServers = iceServers
    }

    static func resolve(_ value: (String) -> String?) throws -> RoomsConfig {
        var config = RoomsConfig()
        if let raw = value("MOCKLOOP_ROOM_KEEP_HOURS") {
            guard let hours = Double(raw), hours > 0, hours.isFinite else {
                throw MockLoopError.invalid("MOCKLOOP_ROOM_KEEP_HOURS", "must be a number of hours above 0 (got '\(raw)')")
            }
            config.keepAfterEnd = hours * 3600
        }
        if let raw = value("MOCKLOOP_ICE_SERVERS") {
            config.iceServers = try iceServers(raw)
        }
        return config
    }

    static func iceServers(_ raw: String) throws -> [JSONValue] {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") {
            guard case .array(let servers)? = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)),
                servers.allSatisfy({ if case .object(let o) = $0, o["urls"] != nil { true } else { false } })
            else {
                throw MockLoopError.invalid(
                    "MOCKLOOP_ICE_SERVERS", "must be a JSON array of objects with \"urls\", or URLs separated by commas")
            }
            return servers
        }
        return try trimmed.split(separator: ",").map {
            let url = $0.trimmingCharacters(in: .whitespaces)
            guard ["stun:", "stuns:", "turn:", "turns:"].contains(where: url.lowercased().hasPrefix) else {
                throw MockLoopError.invalid("MOCKLOOP_ICE_SERVERS", "'\(url)' is not a stun: or turn: URL")
            }
            return .object(["urls": .string(url)])
        }
    }
}
