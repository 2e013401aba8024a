import Fluent
import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopServices
import MockLoopStore

/// One terminal mock from the brief to the retrospective: reads the candidate's lines and
/// commands, calls the practice service, and prints what the interviewer says.
final class PracticeSession {
    let desk: PracticeDesk
    let terminal: PracticeTerminal
    var language: String
    var view: PracticeView?
    var shown = 0
    var fetched = ContinuousClock.now
    var input: AsyncStream<PracticeTerminal.Event>.Iterator

    init(desk: PracticeDesk, terminal: PracticeTerminal, language: String) {
        self.desk = desk
        self.terminal = terminal
        self.language = language
        self.input = terminal.events.makeAsyncIterator()
    }

    /// The rubric, the checklist and the last fix before the clock starts; false if the user leaves.
    func brief(_ start: PracticeRequest.Start) async throws -> Bool {
        guard let type = InterviewType(loose: start.type ?? "coding"), PhasePlan.practiceTypes.contains(type) else {
            throw MockLoopError.invalid("--type", "must be coding, system-design or behavioral (got '\(start.type ?? "")')")
        }
        let brief = try await desk.brief(type, minutes: start.minutes)
        terminal.say("", "\(type.label) mock with the AI interviewer, \(brief.minutes) minutes.")
        terminal.say("", "\nYou will be scored on (\(brief.rubric.name)):")
        for d in brief.rubric.dimensions { terminal.say("  -", "\(d.name): \(d.question)") }
        terminal.say("", "\nBefore you start:")
        for c in brief.checklist { terminal.say("  -", c) }
        if let watch = brief.watch {
            terminal.say("", "\nToday, watch: \(watch.name). Last fix: \(watch.text) Drill: \(watch.drill ?? "")")
        }
        terminal.say("", "\nAnswers end with a blank line (or Ctrl-D). :help lists the commands.")
        terminal.write("Press Enter to start the clock (or type :quit): ")
        let line = await nextLine()
        return line != nil && line?.trimmingCharacters(in: .whitespaces) != ":quit"
    }

    func start(_ request: PracticeRequest.Start) async throws {
        show(try await desk.start(request))
    }

    func resume(_ id: UUID) async throws {
        let v = try await desk.show(id)
        language = v.language.rawValue
        terminal.say("", "Resuming: \(v.type.label) mock, \(v.question.title).")
        show(v)
    }

    /// Lines and commands until the mock ends, then the result and the retrospective.
    func loop() async throws {
        var answer: [String] = []
        while let v = view, !v.status.isOver {
            guard let event = await input.next() else { break }
            switch event {
            case .tick:
                terminal.status(statusLine, plainToo: false)
                if v.status == .active, remaining <= 0 {
                    // Time is up: lines already typed are sent (and kept) as the last answer.
                    if answer.isEmpty { try await act { try await self.desk.show(v.id) } } else { try await send(&answer, v.id) }
                }
            case .line(let line):
                if answer.isEmpty, line.hasPrefix(":") {
                    try await command(line, v.id)
                } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    if !answer.isEmpty { try await send(&answer, v.id) }
                } else {
                    answer.append(line)
                }
            case .endOfInput:
                if !answer.isEmpty { try await send(&answer, v.id) }
                // The script ended.
                if !terminal.isTTY, view?.status.isOver == false { try await act { try await self.desk.act(v.id, .finish) } }
            }
        }
        if let v = view, !v.status.isOver { try await act { try await self.desk.act(v.id, .finish) } }  // input closed mid-command
        try await finale()
    }

    func send(_ answer: inout [String], _ id: UUID) async throws {
        let text = answer.joined(separator: "\n")
        answer = []
        try await act { try await self.desk.answer(id, text) }
    }

    func command(_ line: String, _ id: UUID) async throws {
        let words = line.split(separator: " ").map(String.init)
        switch words[0] {
        case ":hint": try await act { try await self.desk.act(id, .hint) }
        case ":pause": try await act { try await self.desk.act(id, .pause) }
        case ":resume": try await act { try await self.desk.act(id, .resume) }
        case ":next": try await act { try await self.desk.act(id, .next) }
        case ":skip": try await act { try await self.desk.act(id, .skip) }
        case ":done", ":finish": try await act { try await self.desk.act(id, .finish) }
        case ":run":
            if words.count > 1 { language = words[1] }
            terminal.say("", "Paste your \(language) code; end with a line ':end'.")
            var code: [String] = []
            while let l = await nextLine(), l.trimmingCharacters(in: .whitespaces) != ":end" { code.append(l) }
            terminal.say("", "Running the tests in the sandbox…")
            try await act { try await self.desk.run(id, code: code.joined(separator: "\n") + "\n", language: self.language) }
            if let run = view?.runs.last {
                terminal.say("Run:", "\(run.passed)/\(run.total) passed (\(run.verdict.rawValue.replacingOccurrences(of: "_", with: " ")))")
            }
        case ":quit":
            terminal.write("Quit? The session is kept as abandoned, with everything said so far. [y/N] ")
            if let reply = await nextLine(), ["y", "yes"].contains(reply.lowercased().trimmingCharacters(in: .whitespaces)) {
                try await act { try await self.desk.act(id, .quit) }
            }
        case ":help":
            terminal.say(
                "", ":hint  :run [language]  :pause  :resume  :next  :skip  :done  :quit. Answers end with a blank line or Ctrl-D.")
        default:
            terminal.say("!", "unknown command \(words[0]) (:help lists them)")
        }
    }

    /// Runs one service call; a refused action is explained and the mock goes on.
    func act(_ call: @escaping () async throws -> PracticeView) async throws {
        do {
            show(try await call())
        } catch let e as MockLoopError where e.kind != .unavailable && e.kind != .unauthorized {
            terminal.say("!", e.message)
        }
    }

    func show(_ v: PracticeView) {
        view = v
        fetched = .now
        // The candidate's own lines are on screen already, except when resuming.
        let resuming = shown == 0
        for turn in v.turns.dropFirst(shown) where turn.speaker == .interviewer || resuming {
            terminal.write("\n")
            if turn.kind == .question {
                // The prompt is Markdown: paragraphs reflowed to the terminal, examples kept as written.
                terminal.say(Self.label(turn), "")
                terminal.write(PromptText(turn.text).terminal(width: terminal.width - 2) + "\n")
            } else {
                terminal.say(Self.label(turn), turn.text)
            }
        }
        shown = v.turns.count
        if let nudge = v.nudge { terminal.say("!", nudge) }
        if !v.status.isOver {
            terminal.status(statusLine, plainToo: !terminal.isTTY)
            terminal.write("you> ")
        }
    }

    static func label(_ t: PracticeTurn) -> String {
        switch t.kind {
        case .hint: "Hint:"
        case .note: "Interviewer (note):"
        case .run: "Run:"
        case .answer, .code: "You:"
        default: "Interviewer:"
        }
    }

    var remaining: Double {
        guard let v = view else { return 0 }
        guard v.status == .active else { return v.clock.remainingSeconds }
        let since = ContinuousClock.now - fetched
        return v.clock.remainingSeconds - Double(since.components.seconds) - Double(since.components.attoseconds) / 1e18
    }

    var statusLine: String {
        guard let v = view else { return "" }
        let paused = v.status == .paused ? " · PAUSED (:resume)" : ""
        return ClockText.mmss(remaining.rounded()) + " left · Phase \(v.phaseIndex + 1)/\(v.phases.count): \(v.phase.title)"
            + " · hints \(v.hintsUsed)" + paused
    }

    func nextLine() async -> String? {
        while let event = await input.next() {
            switch event {
            case .line(let l): return l
            case .endOfInput: return nil
            case .tick: terminal.status(statusLine, plainToo: false)
            }
        }
        return nil
    }

    /// The result, then the retrospective: each suggestion kept with Enter, or replaced.
    func finale() async throws {
        guard let v = view else { return }
        terminal.status("Session over", plainToo: false)
        terminal.write("\n")
        guard v.status == .finished, let result = v.result else {
            terminal.say(
                "",
                v.status == .abandoned
                    ? "Saved as abandoned (session \(v.id.uuidString.lowercased())). Everything said is kept."
                    : "The session is still open: resume it with --resume \(v.id.uuidString.lowercased()).")
            return
        }
        terminal.write(PracticeResultText(view: v, result: result, width: terminal.width).text)
        terminal.say("", "\nRetrospective: press Enter to keep each suggestion, or type your own.")
        var draft = result.retro
        while true {
            guard let well = await ask("What went well, and why", draft.wentWell ?? ""),
                let wrong = await ask("What went wrong", draft.wentWrong ?? ""),
                let dim = await ask(
                    "Priority fix dimension (\(v.rubric.map(\.key).joined(separator: ", ")))", draft.priorityFix?.dimension ?? ""),
                let fix = await ask("The one priority fix", draft.priorityFix?.text ?? ""),
                let drill = await ask("One concrete drill", draft.drill ?? "")
            else {
                terminal.say("", "Retrospective not saved: confirm it at /practice/\(v.id.uuidString.lowercased()) in the web app.")
                return
            }
            draft = RetroDraft(wentWell: well, wentWrong: wrong, priorityFix: PriorityFix(dimension: dim, text: fix), drill: drill)
            do {
                try await desk.saveRetro(draft, sessionID: v.id)
                terminal.say(
                    "",
                    "Saved to the log: session \(v.id.uuidString.lowercased()). Next \(v.type.label.lowercased()) session opens with this fix in view."
                )
                return
            } catch let e as MockLoopError {
                terminal.say(
                    "!",
                    e.message
                        + (e.fields.isEmpty ? "" : " (" + e.fields.map { "\($0.key): \($0.value)" }.sorted().joined(separator: "; ") + ")"))
            }
        }
    }

    func ask(_ label: String, _ suggestion: String) async -> String? {
        terminal.say("", "\(label) [\(suggestion)]:")
        terminal.write("> ")
        guard let line = await nextLine() else { return nil }
        let typed = line.trimmingCharacters(in: .whitespaces)
        return typed.isEmpty ? suggestion : typed
    }
}
