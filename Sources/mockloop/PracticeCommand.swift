import ArgumentParser
import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopRunner
import MockLoopServices
import MockLoopStore

/// `mockloop practice`: a whole timed mock with the AI interviewer in the terminal. Answers end
/// with a blank line or Ctrl-D; commands start with a colon. The session is the same one the
/// web app shows, so it can be resumed there (or here with --resume).
struct PracticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "A timed mock interview with the AI interviewer, in the terminal.",
        discussion: """
            Type an answer over one or more lines and end it with a blank line (or Ctrl-D).
            Commands: :hint  :run [language] (coding: paste code, end with a line ':end')  :pause
            :next (next phase)  :skip (skip the question)  :done (finish now)  :quit  :help
            """)

    @Option(help: "coding, system-design or behavioral.") var type: String = "coding"
    @Option(help: "Length in minutes (10–120; default 45, behavioral 30).") var minutes: Int?
    @Option(help: "A question id from the bank (default: the picker chooses).") var question: String?
    @Option(help: "Seed for the picker and the interviewer's curveballs: the same seed replays the same interview.") var seed: UInt64?
    @Option(help: "Coding language for :run (python, javascript, cpp, swift).") var language: String = "python"
    @Option(help: "Resume a practice session by its id.") var resume: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await Workspace.run(store) { workspace in
            let desk: PracticeDesk =
                switch workspace {
                case .local(let ctx):
                    LocalDesk(service: ctx.services.practice(db: ctx.db, userID: ctx.userID), db: ctx.db, userID: ctx.userID)
                case .remote(let api): RemoteDesk(api: api)
                }
            let terminal = PracticeTerminal()
            defer { terminal.close() }
            let session = PracticeSession(desk: desk, terminal: terminal, language: language)
            if let resume {
                guard let id = UUID(uuidString: resume) else {
                    throw MockLoopError.invalid("--resume", "must be a session id (got '\(resume)')")
                }
                try await session.resume(id)
            } else {
                let start = PracticeRequest.Start(
                    type: type.replacingOccurrences(of: "-", with: "_"), minutes: minutes,
                    questionId: question, seed: seed, language: language)
                guard try await session.brief(start) else { return }
                try await session.start(start)
            }
            try await session.loop()
        }
    }
}
