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
