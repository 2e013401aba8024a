import Foundation
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb
import Testing
import VaporTesting

/// Interview data is readable by its owner only: the data directory 0700, the SQLite database
/// and its WAL and shared-memory files 0600, checked after a write (when WAL and SHM exist).
@Suite struct DataFileModeTests {
    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func theDataDirectoryAndDatabaseFilesArePrivate() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mockloop-modes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = umask(0o022)
        defer { umask(old) }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            let config = AppConfig(store: StoreConfig(dataDirectory: dir, databaseURL: nil), secret: formSecret)
            try await MockLoopApp.configure(app, config, content: TestDatabase.content)
            try await app.testing().test(
                .POST, "/api/v1/sessions", headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"type": "coding", "mode": "peer"}"#)
            ) { res in #expect(res.status == .created) }
            let db = StoreConfig(dataDirectory: dir, databaseURL: nil).sqliteFile.path
            #expect(try Self.mode(dir.path) == 0o700)
            for file in [db, db + "-wal", db + "-shm"] {
                #expect(FileManager.default.fileExists(atPath: file), "\(file) exists after a write")
                #expect(try Self.mode(file) == 0o600, "\(file)")
            }
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
