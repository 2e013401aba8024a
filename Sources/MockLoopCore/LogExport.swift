import Foundation

/// Writes the running log as CSV (one column per dimension seen) or JSON.
public enum LogExport {
    public static func csv(_ entries: [LogEntry], rubrics: [Rubric]) -> String {
        let dims = dimensionOrder(entries, rubrics: rubrics)
        let families = DimensionColumn.allCases
        var rows: [[String]] = [LogColumns.leading + families.flatMap { f in dims.map(f.header) } + LogColumns.trailing]
        rows.reserveCapacity(entries.count + 1)
        for e in entries {
            let s = e.scores
            var row = [
                e.id.uuidString.lowercased(), LogColumns.formatDate(e.date), e.type.rawValue, e.mode.rawValue,
                e.status.rawValue, e.interviewer ?? "", e.questionTitle ?? "", e.questionId ?? "", e.rubricId,
                e.difficulty?.rawValue ?? "", e.company ?? "", e.tier?.rawValue ?? "", e.level?.rawValue ?? "",
                s.durationMinutes.map(String.init) ?? "", String(s.hintsUsed), String(s.pauses),
                s.confidence.map(String.init) ?? "", s.wentEasy ? "yes" : "no", e.isRepeat ? "yes" : "no",
            ]
            row += families.flatMap { f in dims.map { f.cell(s, $0) } }
            let r = e.retro
            row += [
                r?.wentWell ?? "", r?.wentWrong ?? "", r?.priorityFix.dimension ?? "", r?.priorityFix.text ?? "",
                r?.drill.text ?? "", r.map { $0.drill.done ? "yes" : "no" } ?? "", e.notes ?? "",
            ]
            rows.append(row)
        }
        return CSVTable.write(rows)
    }

    public static func json(_ entries: [LogEntry]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(entries)
    }

    /// Dimensions in rubric order (built-in rubrics by type first), then any others alphabetically.
    static func dimensionOrder(_ entries: [LogEntry], rubrics: [Rubric]) -> [String] {
        var used = Set<String>()
        for e in entries {
            used.formUnion(e.scores.interviewerScores.keys)
            used.formUnion(e.scores.selfScores.keys)
        }
        var ordered: [String] = []
        for rubric in rubrics {
            for d in rubric.dimensions where used.contains(d.key) && !ordered.contains(d.key) { ordered.append(d.key) }
        }
        return ordered + used.subtracting(ordered).sorted()
    }
}
