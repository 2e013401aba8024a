import MockLoopCore

extension Language {
    /// The file the candidate's code is written to inside the job directory.
    var sourceFile: String {
        switch self {
        case .python: "solution.py"
        case .javascript: "solution.js"
        case .cpp: "main.cpp"
        case .swift: "main.swift"
        }
    }
}
