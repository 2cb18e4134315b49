import Foundation

/// The git commit of the checkout that holds a spec, recorded with each sweep revision so that
/// results can be traced to the code and spec that made them.
public enum GitRevision {
    /// `HEAD`'s hash of the git work tree containing `path`, with `+dirty` appended when tracked
    /// files have uncommitted changes; `nil` outside a git work tree or where git is not installed.
    public static func describing(path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        guard let head = git(["rev-parse", "HEAD"], in: folder.isEmpty ? "." : folder), !head.isEmpty else { return nil }
        let changes = git(["status", "--porcelain", "--untracked-files=no"], in: folder.isEmpty ? "." : folder)
        return changes?.isEmpty == false ? head + "+dirty" : head
    }

    /// Runs `git -C folder arguments...`; its trimmed standard output, or `nil` if it failed.
    private static func git(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
