import Foundation
import MockLoopCore

/// Where the interpreters and compilers live. Always absolute paths: a PATH lookup inside the
/// sandbox, or a shim such as pyenv's, costs 150–250 ms per run.
struct Toolchain: Sendable {
    var python: String?
    var node: String?
    var gxx: String?
    var swiftc: String?

    static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Toolchain {
        Toolchain(
            python: environment["MOCKLOOP_PYTHON"] ?? executable("/usr/bin/python3"),
            node: environment["MOCKLOOP_NODE"] ?? executable("/usr/bin/node") ?? executable("/usr/bin/nodejs"),
            gxx: environment["MOCKLOOP_GXX"] ?? executable("/usr/bin/g++"),
            swiftc: environment["MOCKLOOP_SWIFTC"] ?? executable("/usr/bin/swiftc") ?? executable("/opt/swift/usr/bin/swiftc")
                ?? find("swiftc", in: environment["PATH"] ?? ""))
    }

    func path(for language: Language) -> String? {
        switch language {
        case .python: python
        case .javascript: node
        case .cpp: gxx
        case .swift: swiftc
        }
    }

    /// Directories outside /usr a language needs mounted (a Swift toolchain under /opt).
    func extraMounts(for language: Language) -> [Sandbox.Bind] {
        guard let tool = path(for: language), !tool.hasPrefix("/usr/") else { return [] }
        // …/usr/bin/swiftc → the toolchain root two levels up from bin.
        let root = URL(fileURLWithPath: tool).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        return [Sandbox.Bind(source: root, target: root)]
    }

    static func executable(_ path: String) -> String? {
        FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static func find(_ name: String, in path: String = "/usr/bin:/bin:/usr/sbin:/sbin") -> String? {
        path.split(separator: ":").lazy.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
