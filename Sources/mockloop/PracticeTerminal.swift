import Foundation
import MockLoopCore

#if canImport(Glibc)
    import Glibc
#endif

/// The terminal of `mockloop practice`: lines in (from a reader thread, so the clock keeps
/// ticking while the candidate types), text out, and on a TTY a live status line kept on the
/// top row (a scroll region below it). Piped, it prints plain lines: no colours, no cursor moves.
final class PracticeTerminal: @unchecked Sendable {
    enum Event: Sendable {
        case line(String)
        case endOfInput, tick
    }

    let isTTY: Bool
    let width: Int
    let rows: Int
    let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private var ticker: Task<Void, Never>?

    init() {
        isTTY = isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1
        var size = winsize()
        let known = isTTY && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        width = known ? min(100, Int(size.ws_col)) : 80
        rows = known ? Int(size.ws_row) : 24
        (events, continuation) = AsyncStream.makeStream(of: Event.self)
        let c = continuation
        // readLine blocks: it gets a thread of its own, not one of the few async workers.
        Thread.detachNewThread {
            while true {
                guard let line = readLine(strippingNewline: true) else {
                    c.yield(.endOfInput)
                    if isatty(STDIN_FILENO) != 1 {
                        c.finish()
                        return
                    }
                    clearerr(stdin)  // Ctrl-D on a terminal ends one answer; the terminal stays open.
                    continue
                }
                c.yield(.line(line))
            }
        }
        ticker = Task { [c] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                c.yield(.tick)
            }
        }
        if isTTY { write("\u{1B}[2J\u{1B}[2;\(rows)r\u{1B}[\(rows);1H") }
    }

    func close() {
        ticker?.cancel()
        if isTTY { write("\u{1B}7\u{1B}[1;1H\u{1B}[2K\u{1B}8\u{1B}[r\u{1B}[\(rows);1H\n") }
    }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Paragraphs wrapped to the terminal, with a label hanging in front of the first line.
    func say(_ label: String, _ text: String) {
        let lines = TextWrap.lines(label.isEmpty ? text : "\(label) \(text)", width: width - 2)
        let out = lines.enumerated().map { i, line in i == 0 && !label.isEmpty ? line : "  \(line)" }
        write(out.joined(separator: "\n") + "\n")
    }

    /// On a TTY the status goes to the top row; piped, it is printed as a plain line when asked.
    func status(_ text: String, plainToo: Bool) {
        let cut = text.count > width ? String(text.prefix(width - 1)) + "…" : text
        if isTTY {
            write("\u{1B}7\u{1B}[1;1H\u{1B}[2K\u{1B}[7m\(cut)\u{1B}[0m\u{1B}8")
        } else if plainToo {
            write("-- \(cut) --\n")
        }
    }
}
