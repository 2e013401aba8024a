import MockLoopCore
import MockLoopServices

/// The running log page: filters, rows, paging.
struct LogPageModel: Encodable {
    var title = "Running log"
    var types, modes, sorts: [Choice]
    var from, to, q: String
    var descending: Bool
    var rows: [LogRow]
    var total: Int
    var showingFrom: Int
    var showingTo: Int
    var previousURL: String?
    var nextURL: String?
    var exportQuery: String

    /// `rawQuery`: the page's query string, kept (but for the offset) in the paging links;
    /// `from`, `to`, `text`: the filters as typed.
    init(_ q: LogQuery, page: LogPage, rubrics: [String: Rubric], rawQuery: String, from: String, to: String, text: String) {
        func link(offset: Int) -> String {
            var items = rawQuery.split(separator: "&").filter { !$0.hasPrefix("offset=") }.map(String.init)
            items.append("offset=\(offset)")
            return SiteURL.log.query(items.joined(separator: "&"))
        }
        types = Choice.list(InterviewType.self, selected: q.type?.rawValue, blank: "All types")
        modes = Choice.list(SessionMode.self, selected: q.mode?.rawValue, blank: "All modes")
        sorts = Choice.list(LogQuery.Sort.self, selected: q.sort.rawValue)
        self.from = from
        self.to = to
        self.q = text
        descending = q.descending
        rows = page.entries.map { LogRow($0, rubric: rubrics[$0.rubricId]) }
        total = page.total
        showingFrom = page.total == 0 ? 0 : q.offset + 1
        showingTo = q.offset + page.entries.count
        previousURL = q.offset > 0 ? link(offset: max(0, q.offset - q.limit)) : nil
        nextURL = q.offset + q.limit < page.total ? link(offset: q.offset + q.limit) : nil
        exportQuery = ""
    }
}

/// The import form and, after an import, what happened to every row.
struct ImportPageModel: Encodable {
    struct Problem: Encodable {
        var line: Int
        var reason: String
    }

    var title = "Import a log"
    var done: Bool
    var imported: Int
    var duplicates: Int
    var problems: [Problem]
    var ignoredColumns: String
}

/// The home page: the open priority fixes first, then what happened lately.
struct HomePage: Encodable {
    var title = "MockLoop"
    var fixes: [FixCard]
    var recent: [LogRow]
    var total: Int

    init(lastFixes: [LogEntry], recent: LogPage, rubrics: [String: Rubric]) {
        fixes = lastFixes.compactMap { FixCard($0, rubric: rubrics[$0.rubricId]) }
        self.recent = recent.entries.map { LogRow($0, rubric: rubrics[$0.rubricId]) }
        total = recent.total
    }
}

/// The last priority fix of one interview type and its drill.
struct FixCard: Encodable {
    var sessionID, type, dimension, fix, drill, date: String
    var drillDone: Bool

    init?(_ e: LogEntry?, rubric: Rubric?) {
        guard let e, let r = e.retro else { return nil }
        sessionID = e.id.uuidString.lowercased()
        type = e.type.label
        dimension = rubric?.dimension(r.priorityFix.dimension)?.name ?? r.priorityFix.dimension
        fix = r.priorityFix.text
        drill = r.drill.text
        drillDone = r.drill.done
        date = DateText.day(e.date)
    }
}
