import Foundation

/// Reads one CSV record into a log entry, or throws the first reason it cannot be imported.
struct RowReader {
    var header: [String]
    var columns: [String?]
    var cells: [String]
    var line: Int

    func value(_ column: String) -> String? {
        guard let i = columns.firstIndex(of: column), i < cells.count else { return nil }
        // Our export guards formula-looking cells with a quote; take it off again.
        let v = CSVTable.undefused(cells[i]).trimmingCharacters(in: .whitespacesAndNewlines)
        return v.isEmpty ? nil : v
    }

    func fail(_ column: String, _ problem: String) -> MockLoopError {
        MockLoopError(.invalid, "column '\(column)': \(problem)", fields: [column: problem])
    }

    func int(_ column: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let raw = value(column) else { return nil }
        guard let n = Int(raw), range.contains(n) else {
            throw fail(column, "must be a whole number \(range.lowerBound)–\(range.upperBound) (got '\(raw)')")
        }
        return n
    }

    func flag(_ column: String) throws -> Bool? {
        guard let raw = value(column)?.lowercased() else { return nil }
        if ["yes", "y", "true", "1", "x", "done", "✓", "✅"].contains(raw) { return true }
        if ["no", "n", "false", "0", "", "-"].contains(raw) { return false }
        throw fail(column, "must be yes or no (got '\(raw)')")
    }

    func enumValue<E: LooseParsable>(_: E.Type, _ column: String) throws -> E? {
        guard let raw = value(column) else { return nil }
        guard let v = E(loose: raw) else { throw fail(column, "must be one of \(E.allowedList) (got '\(raw)')") }
        return v
    }

    func read(rubrics: [String: Rubric], defaults: [InterviewType: Rubric], now: Date) throws -> LogImport.Row {
        if cells.count > header.count, cells[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw MockLoopError(.invalid, "has \(cells.count) cells but the header has \(header.count) columns")
        }
        guard let rawDate = value("date") else { throw fail("date", "is empty") }
        guard let date = LogDate.parse(rawDate) else {
            throw fail("date", "'\(rawDate)' is not a date (use 2026-11-21 or 2026-11-21T14:00:00Z)")
        }
        if date > now.addingTimeInterval(366 * 86400) { throw fail("date", "'\(rawDate)' is more than a year in the future") }
        guard let type = try enumValue(InterviewType.self, "type") else { throw fail("type", "is empty") }
        var rubric = defaults[type]!
        if let rid = value("rubric_id") {
            guard let named = rubrics[rid] else { throw fail("rubric_id", "no rubric '\(rid)'") }
            guard named.type == type else { throw fail("rubric_id", "rubric '\(rid)' is for \(named.type.rawValue), not \(type.rawValue)") }
            rubric = named
        }
        var scores = ScoreSheet()
        var notes: [(column: String, dimension: String, text: String)] = []
        for (i, name) in header.enumerated() where columns[i] == nil && i < cells.count {
            let raw = cells[i].trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty, let col = ScoreColumn(header: name) else { continue }
            guard
                let dim = rubric.dimensions.first(where: {
                    LogColumns.normalize($0.key) == col.dimension || LogColumns.normalize($0.name) == col.dimension
                })
            else {
                continue  // a column for another rubric, or one we do not know: reported once as ignored
            }
            if col.family == .note {
                let text = CSVTable.undefused(cells[i]).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { notes.append((name, dim.key, text)) }
                continue
            }
            guard let n = Int(raw), (1...3).contains(n) else { throw fail(name, "score must be 1, 2 or 3 (got '\(raw)')") }
            if col.family == .selfScore {
                scores.selfScores[dim.key] = n
            } else {
                scores.interviewerScores[dim.key] = DimensionScore(score: n)
            }
        }
        // A note belongs to the interviewer's score on its dimension, so it needs one.
        for note in notes {
            guard scores.interviewerScores[note.dimension] != nil else {
                throw fail(note.column, "has a note but the row has no interviewer score for \(note.dimension)")
            }
            scores.interviewerScores[note.dimension]?.note = note.text
        }
        scores.confidence = try int("confidence", 1...5)
        scores.durationMinutes = try int("duration_min", 1...600)
        scores.hintsUsed = try int("hints_used", 0...50) ?? 0
        scores.pauses = try int("pauses", 0...50) ?? 0
        scores.wentEasy = try flag("went_easy") ?? false
        let id = value("id").flatMap(UUID.init(uuidString:))
        let entry = LogEntry(
            id: id ?? UUID(), date: date, type: type, mode: try enumValue(SessionMode.self, "mode") ?? .peer,
            status: try value("status").map { raw in
                guard let s = SessionStatus(rawValue: raw.lowercased()) else {
                    throw fail("status", "must be planned, started or completed (got '\(raw)')")
                }
                return s
            } ?? .completed,
            interviewer: value("interviewer"), questionId: value("question_id"), questionTitle: value("question"),
            rubricId: rubric.id, difficulty: try enumValue(Difficulty.self, "difficulty"), company: value("company"),
            tier: try enumValue(CompanyTier.self, "tier"), level: try enumValue(Level.self, "level"),
            scores: scores, isRepeat: try flag("repeat") ?? false, notes: value("notes"), retro: try retro(rubric))
        let key = id.map { "id:" + $0.uuidString.lowercased() } ?? "row:" + contentKey()
        return LogImport.Row(line: line, importKey: key, entry: entry)
    }

    func retro(_ rubric: Rubric) throws -> Retrospective? {
        guard let fix = value("priority_fix") else {
            if value("fix_dimension") != nil { throw fail("priority_fix", "is empty but fix_dimension is set") }
            return nil
        }
        let dimension: Dimension
        if let raw = value("fix_dimension") {
            guard
                let d = rubric.dimensions.first(where: {
                    LogColumns.normalize($0.key) == LogColumns.normalize(raw) || LogColumns.normalize($0.name) == LogColumns.normalize(raw)
                })
            else {
                throw fail(
                    "fix_dimension",
                    "'\(raw)' is not a dimension of rubric \(rubric.id) (one of \(rubric.dimensions.map(\.key).joined(separator: ", ")))")
            }
            dimension = d
        } else if let named = rubric.dimensions.first(where: { fix.lowercased().contains($0.name.lowercased()) }) {
            dimension = named  // the fix names its dimension in words
        } else {
            throw fail(
                "fix_dimension",
                "is empty; a priority fix belongs to one dimension of rubric \(rubric.id) (one of \(rubric.dimensions.map(\.key).joined(separator: ", ")))"
            )
        }
        return Retrospective(
            wentWell: value("went_well") ?? "", wentWrong: value("went_wrong") ?? "",
            priorityFix: PriorityFix(dimension: dimension.key, text: fix),
            drill: Drill(text: value("drill") ?? "", done: try flag("drill_done") ?? false))
    }

    /// A stable fingerprint of the row's content (FNV-1a), for rows without an id.
    func contentKey() -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for cell in cells.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }).joined(separator: "\u{1F}").utf8 {
            hash = (hash ^ UInt64(cell)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
