import Foundation

/// Reads a running-log CSV (ours, a spreadsheet's or a Notion table's) into log entries.
/// Headers are matched case-insensitively; every bad row is reported with its line number
/// and reason, and good rows carry a key so importing the same file twice adds nothing.
public struct LogImport: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var importKey: String
        public var entry: LogEntry
    }

    public struct RowProblem: Codable, Sendable, Equatable {
        public var line: Int
        public var reason: String
    }

    public var rows: [Row] = []
    public var problems: [RowProblem] = []
    public var ignoredColumns: [String] = []

    /// `rubrics`: every rubric a row may name by `rubric_id`; `defaults`: the rubric per type.
    public static func parse(
        _ text: String, rubrics: [String: Rubric], defaults: [InterviewType: Rubric], now: Date = Date()
    ) throws -> LogImport {
        let table = try CSVTable.parse(text)
        guard let header = table.records.first else { throw MockLoopError.invalid("file", "is empty: expected a header row") }
        let columns = header.cells.map { LogColumns.canonical($0) }
        for required in ["date", "type"] where !columns.contains(required) {
            throw MockLoopError.invalid("header", "column '\(required)' is missing (found: \(header.cells.joined(separator: ", ")))")
        }
        var result = LogImport()
        let allDims = Set(
            rubrics.values.flatMap { $0.dimensions.flatMap { [LogColumns.normalize($0.key), LogColumns.normalize($0.name)] } })
        for (i, name) in header.cells.enumerated() where columns[i] == nil {
            if ScoreColumn(header: name) == nil || !allDims.contains(ScoreColumn(header: name)!.dimension) {
                result.ignoredColumns.append(name)
            }
        }
        for record in table.records.dropFirst() {
            do {
                let row = try RowReader(header: header.cells, columns: columns, cells: record.cells, line: record.line)
                    .read(rubrics: rubrics, defaults: defaults, now: now)
                result.rows.append(row)
            } catch let e as MockLoopError {
                result.problems.append(RowProblem(line: record.line, reason: e.message))
            }
        }
        return result
    }
}

/// A header naming a per-dimension column: `score:<dim>`, `self:<dim>`, `note:<dim>`, or the
/// dimension's key or name alone (a score).
struct ScoreColumn {
    var family: DimensionColumn
    var dimension: String  // normalized

    init?(header: String) {
        let lower = header.lowercased().trimmingCharacters(in: .whitespaces)
        for family in DimensionColumn.allCases {
            for prefix in family.prefixes where lower.hasPrefix(prefix) {
                self.family = family
                dimension = LogColumns.normalize(String(lower.dropFirst(prefix.count)))
                return
            }
        }
        family = .score
        dimension = LogColumns.normalize(lower)
        if dimension.isEmpty { return nil }
    }
}
