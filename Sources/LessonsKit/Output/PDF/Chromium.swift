import Foundation

/// Headless Chromium as a PDF printer: found from `LESSONS_CHROME` or on `PATH`, run as a subprocess with a time-out.
struct Chromium: Sendable {
    /// Names tried on `PATH`, in order.
    static let names = ["chromium", "chromium-browser", "google-chrome"]

    let executable: String

    /// `LESSONS_CHROME` when it names an executable file, else the first of ``names`` found on `PATH`.
    static func locate(environment: [String: String]) -> Chromium? {
        let fileManager = FileManager.default
        if let configured = environment["LESSONS_CHROME"], !configured.isEmpty {
            return fileManager.isExecutableFile(atPath: configured) ? Chromium(executable: configured) : nil
        }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where fileManager.isExecutableFile(atPath: folder + "/" + name) {
                return Chromium(executable: folder + "/" + name)
            }
        }
        return nil
    }

    /// Why printing failed.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case couldNotStart(String)
        case timedOut(seconds: Int)
        case exited(status: Int32, detail: String)
        case noOutput

        var description: String {
            switch self {
            case .couldNotStart(let reason): "Chromium could not be started: \(reason)"
            case .timedOut(let seconds): "Chromium did not finish within \(seconds) s"
            case .exited(let status, let detail):
                "Chromium exited with status \(status)" + (detail.isEmpty ? "" : ": \(detail)")
            case .noOutput: "Chromium finished but wrote no PDF"
            }
        }
    }

    /// Prints the HTML file at `page` (absolute path) to `output`, using `profile` as its own user-data folder so that
    /// several runs never share state. Returns the PDF's bytes.
    func printPDF(page: String, output: String, profile: String, timeoutSeconds: Int) async -> Result<[UInt8], Failure>
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--disable-extensions",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=\(profile)", "--print-to-pdf=\(output)",
            URL(fileURLWithPath: page).absoluteString,
        ]
        let log = profile + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let logHandle = FileHandle(forWritingAtPath: log)
        process.standardOutput = logHandle ?? FileHandle.nullDevice
        process.standardError = logHandle ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        defer { try? logHandle?.close() }
        do {
            try process.run()
        } catch {
            return .failure(.couldNotStart("\(error)"))
        }
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                try? await Task.sleep(for: .milliseconds(500))
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                return .failure(.timedOut(seconds: timeoutSeconds))
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        guard process.terminationStatus == 0 else {
            let detail =
                (FileManager.default.contents(atPath: log).map { String(decoding: $0, as: UTF8.self) } ?? "")
                .split(separator: "\n").last(where: { $0.contains("ERROR") || $0.contains("rror") }).map(String.init)
                ?? ""
            return .failure(.exited(status: process.terminationStatus, detail: String(detail.prefix(300))))
        }
        guard let data = FileManager.default.contents(atPath: output), !data.isEmpty else { return .failure(.noOutput) }
        return .success([UInt8](data))
    }
}

extension Chromium {
    /// What `--version` prints ("Chromium 156.0.8078.114 built on Debian…"), or the executable's path when it prints
    /// nothing: part of the key of every cached PDF, so that another Chromium prints everything afresh.
    func version() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return executable }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? executable : executable + " " + text
    }
}
