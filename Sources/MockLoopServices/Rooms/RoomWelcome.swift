import Foundation
import MockLoopCore

/// The first thing a seat's socket receives: who is who, the rubric both agreed to, the plan of
/// the clock, and for the interviewer alone the question's brief (prompt, follow-ups, hints, key
/// points) and — when the candidate allows — the candidate's last priority fix.
public struct RoomWelcome: Codable, Sendable {
    public struct Brief: Codable, Sendable {
        public var prompt: String
        public var followUps: [String]
        public var hints: [String]
        public var keyPoints: [String]
    }

    public struct Fix: Codable, Sendable {
        public var dimension: String
        public var text: String
        public var drill: String
    }

    public var t = "welcome"
    public var room: UUID
    public var role: RoomRole
    public var candidate: String
    public var interviewer: String?
    public var type: InterviewType
    public var title: String
    public var rubric: Rubric
    public var minutes: Int
    public var phases: [PracticePhase]
    public var language: Language?
    public var canRun: Bool
    public var lastSeq: Int
    public var serverTime: Date
    public var iceServers: [JSONValue]
    public var brief: Brief?
    public var lastFix: Fix?
    public var sessionId: UUID?
    /// Both seats are signed in, so "Swap roles" can run the reciprocal mock.
    public var canSwap: Bool
    /// The reciprocal mock's room, once opened.
    public var next: UUID?
}
