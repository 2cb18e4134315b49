import Foundation

/// The built `hashsweep` executable, run as a user runs it.
enum HashSweepCLI {
    /// The package root (three folders above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable: next to this test bundle when the tests were built (`.build/<config>/`),
    /// else `.build/debug/hashsweep` under the package root.
    static func executable() throws -> URL {
        var candidates: [URL] = []
        if let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("hashsweep"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/hashsweep"))
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        throw MissingExecutable(candidates: candidates.map(\.path))
    }

    /// Runs `hashsweep arguments` (or `executable arguments`) in `folder` to its end, with
    /// standard input closed.
    ///
    /// The environment is the test's own with `COLUMNS=80` (help text wraps at a fixed width)
    /// and `extraEnvironment` on top; a value of `nil` removes a variable.
    static func run(_ arguments: [String], in folder: URL, environment extraEnvironment: [String: String?] = [:],
                    executable program: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = try program ?? executable()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        for (key, value) in extraEnvironment { environment[key] = value }
        process.environment = environment
        // Files, not pipes: a chatty child cannot block on a full pipe while we wait for it.
        let output = try TemporaryFolder.scratchFile(), error = try TemporaryFolder.scratchFile()
        defer { try? FileManager.default.removeItem(at: output); try? FileManager.default.removeItem(at: error) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Outcome(arguments: arguments, status: status,
                       output: try String(contentsOf: output, encoding: .utf8),
                       error: try String(contentsOf: error, encoding: .utf8))
    }

    /// What a finished `hashsweep` process left.
    struct Outcome: CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let output: String
        let error: String

        var description: String {
            "hashsweep \(arguments.joined(separator: " ")) exited with \(status)\n--- stdout\n\(output)--- stderr\n\(error)"
        }
    }

    struct MissingExecutable: Error, CustomStringConvertible {
        let candidates: [String]
        var description: String {
            "The hashsweep executable was not found at \(candidates.joined(separator: " or ")). "
                + "Build it first: `swift build` (scripts/test builds it before testing)."
        }
    }
}

/// A fresh folder under the system's temporary folder, removed when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hashsweep-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `name` inside the folder and returns its URL.
    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Every file and folder below the folder, as relative paths, sorted.
    func contents() -> [String] {
        (FileManager.default.subpaths(atPath: url.path) ?? []).sorted()
    }

    /// An empty file for a child's output, outside any test's folder.
    static func scratchFile() throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hashsweep-cli-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        return file
    }
}
