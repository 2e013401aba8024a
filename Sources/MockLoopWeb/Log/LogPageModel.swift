import MockLoopCore
import MockLoopServices

/// The running log page: filters, rows, paging.
struct LogPageModel: Encodable {
    var title = "Running log"
    var types, modes, statuses, sorts: [Choice]
    var from, to, q: String
    var descending: Bool
    var rows: [LogRow]
    var total: Int
    var showingFrom: Int
    var showingTo: Int
    var previousURL: String?
    var nextURL: String?
    /// The filters of the page (no paging), so the export links write what is shown.
    var exportQuery: String
    var filtered: Bool
    var totalText: String
    /// Just after a session was deleted.
    var deleted = false
    /// Mocks this user gave as the interviewer in live rooms (ended ones), and the latest of them.
    var mocksGiven = 0
    var given: [Given] = []

    struct Given: Encodable {
        var day, title, candidate, replay: String
    }

    /// `rawQuery`: the page's query string, kept (but for the offset) in the paging links;
    /// `from`, `to`, `text`: the filters as typed.
    init(_ q: LogQuery, page: LogPage, rubrics: [String: Rubric], rawQuery: String, from: String, to: String, text: String) {
        func link(offset: Int) -> String {
            var items = rawQuery.split(separator: "&").filter { !$0.hasPrefix("offset=") && !$0.hasPrefix("deleted=") }.map(String.init)
            items.append("offset=\(offset)")
            return SiteURL.log.query(items.joined(separator: "&"))
        }
        types = Choice.list(InterviewType.self, selected: q.type?.rawValue, blank: "All types")
        modes = Choice.list(SessionMode.self, selected: q.mode?.rawValue, blank: "All modes")
        statuses = Choice.list(SessionStatus.self, selected: q.status?.rawValue, blank: "Any status")
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
        exportQuery = rawQuery.split(separator: "&").filter { !["offset=", "limit=", "deleted="].contains(where: $0.hasPrefix) }
            .joined(separator: "&")
        filtered = q.isFiltered
        totalText = page.total == 1 ? "1 session" : "\(page.total) sessions"
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

    /// "1 session imported, 2 already in your log (skipped), 0 rows refused."
    var summary: String
    /// A refused file: the problem beside its field, and the pasted text kept.
    var errors: [String: String] = [:]
    var csv = ""

    init(done: Bool, imported: Int, duplicates: Int, problems: [Problem], ignoredColumns: String) {
        self.done = done
        self.imported = imported
        self.duplicates = duplicates
        self.problems = problems
        self.ignoredColumns = ignoredColumns
        summary =
            "\(imported) session\(imported == 1 ? "" : "s") imported, \(duplicates) already in your log (skipped), "
            + "\(problems.count) row\(problems.count == 1 ? "" : "s") refused."
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
