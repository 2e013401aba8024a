import Foundation

/// Filter, search, sort and page for the running log.
public struct LogQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable, Codable {
        case date, type, mode, interviewer, question
    }

    public var type: InterviewType?
    public var mode: SessionMode?
    public var status: SessionStatus?
    public var from: Date?
    public var to: Date?
    public var text: String?
    public var sort: Sort
    public var descending: Bool
    public var limit: Int
    public var offset: Int

    public init(
        type: InterviewType? = nil, mode: SessionMode? = nil, status: SessionStatus? = nil, from: Date? = nil, to: Date? = nil,
        text: String? = nil, sort: Sort = .date, descending: Bool = true, limit: Int = 50, offset: Int = 0
    ) {
        self.type = type
        self.mode = mode
        self.status = status
        self.from = from
        self.to = to
        self.text = text.flatMap {
            $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        self.sort = sort
        self.descending = descending
        self.limit = limit
        self.offset = offset
    }

    /// Whether any filter narrows the log (exports then say so).
    public var isFiltered: Bool { type != nil || mode != nil || status != nil || from != nil || to != nil || text != nil }

    public func validate() throws {
        var problems = FieldProblems()
        if !(1...500).contains(limit) { problems.add("limit", "must be 1 to 500 (got \(limit))") }
        if offset < 0 { problems.add("offset", "must be 0 or more (got \(offset))") }
        if let from, let to, from > to { problems.add("from", "is after 'to'") }
        if let text, text.count > 200 { problems.add("q", "is longer than 200 characters") }
        try problems.check()
    }
}

/// One page of the log and how many entries match in all.
public struct LogPage: Codable, Sendable {
    public var entries: [LogEntry]
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(entries: [LogEntry], total: Int, limit: Int, offset: Int) {
        self.entries = entries
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}

extension LogQuery.Sort: LooseParsable {
    public var label: String { rawValue.capitalized }
}
