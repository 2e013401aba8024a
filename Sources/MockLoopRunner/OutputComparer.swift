import Foundation
import MockLoopCore

/// Compares a program's answer with the expected one, outside the sandbox.
enum OutputComparer {
    static let defaultTolerance = 1e-6

    static func matches(_ actual: JSONValue, _ expected: JSONValue, compare: CodeTests.Compare, tolerance: Double?) -> Bool {
        switch compare {
        case .exact:
            return equal(actual, expected, tolerance: nil)
        case .float:
            return equal(actual, expected, tolerance: tolerance ?? defaultTolerance)
        case .unordered:
            guard case .array(let got) = actual, case .array(let want) = expected, got.count == want.count else { return false }
            return got.map(canonical).sorted() == want.map(canonical).sorted()
        }
    }

    /// Stdio answers: trailing whitespace on each line and trailing blank lines are ignored.
    static func matches(stdout: String, expected: String) -> Bool {
        normalized(stdout) == normalized(expected)
    }

    static func normalized(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while let last = line.last, last.isWhitespace { line = line.dropLast() }
            return line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Numbers compare by value (1 == 1.0, as in Python); with a tolerance, element-wise.
    private static func equal(_ a: JSONValue, _ b: JSONValue, tolerance: Double?) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1, tolerance: tolerance) }
        case (.object(let x), .object(let y)):
            return Set(x.keys) == Set(y.keys) && x.allSatisfy { key, value in equal(value, y[key]!, tolerance: tolerance) }
        default:
            if let p = number(a), let q = number(b) {
                if p.isNaN || q.isNaN { return false }
                return tolerance.map { abs(p - q) <= $0 } ?? (p == q)
            }
            return a == b
        }
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let v): Double(v)
        case .double(let v): v
        default: nil
        }
    }

    /// A stable text form for sorting: object keys sorted, numbers by value.
    static func canonical(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let v): v ? "true" : "false"
        case .int(let v): String(v)
        case .double(let v): v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
        case .string(let v): "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .array(let v): "[" + v.map(canonical).joined(separator: ",") + "]"
        case .object(let v): "{" + v.keys.sorted().map { canonical(.string($0)) + ":" + canonical(v[$0]!) }.joined(separator: ",") + "}"
        }
    }
}
