import Foundation

/// Where the data lives: an SQLite file in the data directory, or PostgreSQL when a URL is given.
public struct StoreConfig: Sendable {
    public var dataDirectory: URL
    public var databaseURL: String?

    public init(dataDirectory: URL, databaseURL: String?) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var sqliteFile: URL { dataDirectory.appendingPathComponent("mockloop.sqlite") }

    public var kind: String { databaseURL == nil ? "sqlite" : "postgresql" }
}
