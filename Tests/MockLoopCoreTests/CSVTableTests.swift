import Testing

@testable import MockLoopCore

@Suite struct CSVTableTests {
    @Test func quotesCommasNewlinesAndEscapedQuotes() throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n"
        let t = try CSVTable.parse(text)
        #expect(t.records.map(\.cells) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(t.records.map(\.line) == [1, 2, 4], "a record's line is where it starts")
    }

    @Test func byteOrderMarkCRLFAndBlankLines() throws {
        let t = try CSVTable.parse("\u{FEFF}Date,Type\r\n2026-11-01,coding\r\n\r\n2026-11-02,behavioral\r\n")
        #expect(t.records.map(\.cells) == [["Date", "Type"], ["2026-11-01", "coding"], ["2026-11-02", "behavioral"]])
        #expect(t.records.last?.line == 4)
    }

    @Test func unclosedQuoteNamesItsLine() throws {
        #expect { try CSVTable.parse("a,b\n1,\"never closed\n2,3\n") } throws: {
            ($0 as? MockLoopError)?.message.contains("line 2") == true
        }
    }

    @Test func writeThenParseRoundTrips() throws {
        let rows = [["id", "note"], ["1", "comma, \"quote\"\nnewline"], ["2", ""], ["3", "=SUM(A1)"]]
        let back = try CSVTable.parse(CSVTable.write(rows)).records.map(\.cells)
        #expect(back[0...2] == rows[0...2])
        #expect(back[3][1] == "'=SUM(A1)", "formula-looking cells are defused for spreadsheets")
    }
}

/// Formula defusing, as a property over generated cells: no cell the export writes starts a
/// formula, and reading the export back gives every cell exactly.
@Suite struct CSVFormulaTests {
    static let alphabet: [Character] = ["=", "+", "-", "@", "\t", "\r", "'", "\"", ",", "\n", "a", "1", " ", ".", "é"]

    static func cells(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in String((0..<Int(rng.next() % 7)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) }
    }

    @Test func defusedCellsNeverStartAFormulaAndReadBackExactly() throws {
        for cell in Self.cells(count: 5_000, seed: 42) {
            let out = CSVTable.defused(cell)
            if let first = out.first, Double(out) == nil {
                #expect(!CSVTable.formulaStarts.contains(first) && first != "\r\n", "\(cell.debugDescription) → \(out.debugDescription)")
            }
            #expect(CSVTable.undefused(out) == cell, "\(cell.debugDescription) round trips")
        }
    }

    @Test func wholeTablesRoundTripThroughWriteAndParse() throws {
        // Carriage returns aside: the reader takes CRLF inside a quoted cell as a line end, by design.
        let cells = Self.cells(count: 600, seed: 7).map { $0.replacingOccurrences(of: "\r", with: "") }
        let rows = stride(from: 0, to: cells.count, by: 6).map { Array(cells[$0..<$0 + 6]) }
        let back = try CSVTable.parse(CSVTable.write([["a", "b", "c", "d", "e", "f"]] + rows)).records.dropFirst()
            .map { $0.cells.map(CSVTable.undefused) }
        #expect(back.count == rows.count)
        for (got, want) in zip(back, rows) where got != want {
            // The parser drops a record that is wholly blank; every other row must match.
            #expect(want.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }, "\(want) came back as \(got)")
        }
    }
}

/// A small deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
