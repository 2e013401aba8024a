import Foundation
import MockLoopRunner
import MockLoopStore

/// Everything the app is configured by, read once from flags and the environment and
/// passed down; nothing deeper reads the environment.
public struct AppConfig: Sendable {
    public var hostname: String
    public var port: Int
    public var store: StoreConfig
    /// Overrides for the transcript analysis thresholds (a JSON file), if any.
    public var analysisThresholdsFile: String?
    /// The code runner's work directory, slots and uids (MOCKLOOP_RUNNER_* variables).
    public var runner: CodeRunner.Configuration
    /// The optional interviewer model (MOCKLOOP_LLM_URL + MOCKLOOP_LLM_MODEL); nil: built-in wording.
    public var llm: LLMConfig?

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, store: StoreConfig, analysisThresholdsFile: String? = nil,
        runner: CodeRunner.Configuration = .init(), llm: LLMConfig? = nil
    ) {
        self.hostname = hostname
        self.port = port
        self.store = store
        self.analysisThresholdsFile = analysisThresholdsFile
        self.runner = runner
        self.llm = llm
    }

    /// Flags win over the environment; the default data directory is ~/.mockloop.
    public static func resolve(
        dataDir: String?, hostname: String? = nil, port: Int? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> AppConfig {
        let dir = dataDir ?? environment["MOCKLOOP_DATA_DIR"]
        let home = environment["HOME"] ?? NSHomeDirectory()
        let dataURL =
            dir.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
            ?? URL(fileURLWithPath: home).appendingPathComponent(".mockloop")
        return AppConfig(
            hostname: hostname ?? "127.0.0.1", port: port ?? 8080,
            store: StoreConfig(dataDirectory: dataURL, databaseURL: environment["DATABASE_URL"]),
            analysisThresholdsFile: environment["MOCKLOOP_ANALYSIS_THRESHOLDS"],
            runner: .fromEnvironment(environment), llm: LLMConfig.fromEnvironment(environment))
    }
}
