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
