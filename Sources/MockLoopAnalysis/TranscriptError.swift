import Foundation

/// A transcript that cannot be read, naming the line where it goes wrong.
public struct TranscriptError: Error, LocalizedError, Equatable, Sendable {
    public var line: Int?
    public var problem: String

    public init(line: Int? = nil, _ problem: String) {
        self.line = line
        self.problem = problem
    }

    public var errorDescription: String? { line.map { "line \($0): \(problem)" } ?? problem }
}
