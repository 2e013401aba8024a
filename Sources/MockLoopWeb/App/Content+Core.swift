import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

// Core values go over the wire as they are; the API documents their JSON in /openapi.json.
extension Rubric: Content {}
extension Question: Content {}
extension LogEntry: Content {}
extension LogPage: Content {}
extension LogRepository.ImportResult: Content {}
