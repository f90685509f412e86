import Foundation

/// Runs a program the tests compare our output with (python3, zbarimg, pdftotext, chromium, node).
enum ExternalProgram {
    /// Runs `executable` with `arguments` and returns its standard output and exit status; standard error is
    /// discarded.
    static func run(_ executable: String, _ arguments: [String]) throws -> (output: Data, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (data, process.terminationStatus)
    }

    /// Runs a Python 3 script given as text, with `arguments` after it.
    static func python(_ script: String, _ arguments: [String]) throws -> (output: Data, status: Int32) {
        try run("/usr/bin/env", ["python3", "-c", script] + arguments)
    }
}
