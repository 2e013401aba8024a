import Foundation

/// RFC 4180 CSV, as spreadsheets and Notion write it: quoted cells with commas, quotes and
/// newlines, a UTF-8 byte-order mark, CRLF or LF. Each record remembers the line it starts
/// on so import errors can name it.
public struct CSVTable: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var cells: [String]
    }

    public var records: [Record]

    public init(records: [Record]) { self.records = records }

    public static func parse(_ text: String) throws -> CSVTable {
        var chars = Substring(text)
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var wasQuoted = false
        var it = chars.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            cells.append(cell)
            // A record that is one empty cell is a blank line: skip it.
            if !(cells.count == 1 && cells[0].isEmpty && !wasQuoted) { records.append(Record(line: recordLine, cells: cells)) }
            cells = []
            cell = ""
            wasQuoted = false
        }

        while let ch = pending ?? it.next() {
            pending = nil
            if inQuotes {
                if ch == "\"" {
                    let next = it.next()
                    if next == "\"" {
                        cell.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1 }
                    cell.append(ch == "\r\n" ? "\n" : ch)
                }
                continue
            }
            switch ch {
            case "\"" where cell.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
            case ",":
                cells.append(cell)
                cell = ""
                wasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                cell.append(ch)
            }
        }
        if inQuotes { throw MockLoopError.invalid("line \(recordLine)", "a quoted cell is never closed") }
        if !cell.isEmpty || !cells.isEmpty || wasQuoted { endRecord() }
        return CSVTable(records: records)
    }

    /// Writes rows as CSV with CRLF line ends; cells are quoted only when they must be.
    public static func write(_ rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 128)
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i > 0 { out.append(",") }
                out.append(quote(cell))
            }
            out.append("\r\n")
        }
        return out
    }

    static func quote(_ raw: String) -> String {
        let cell = defused(raw)
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Characters that make a spreadsheet run a cell as a formula when they start it (OWASP's list).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell that a spreadsheet would run as a formula, quoted or not, gets a leading `'`.
    /// Cells that already start with quotes before such a character get one more, so
    /// `undefused` gives every cell back exactly. Plain numbers ("-5") stay numbers.
    public static func defused(_ cell: String) -> String {
        let rest = cell.drop { $0 == "'" }
        guard let first = rest.first, formulaStarts.contains(first) || first == "\r\n", Double(cell) == nil else { return cell }
        return "'" + cell
    }

    /// The inverse of `defused`, for reading our own export back.
    public static func undefused(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = cell.drop { $0 == "'" }
        guard let first = rest.first, formulaStarts.contains(first) || first == "\r\n" else { return cell }
        return String(cell.dropFirst())
    }
}
