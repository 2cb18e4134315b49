import Foundation

/// Finds the running executable, to start worker processes from the same binary.
public enum ExecutableLocator {
    /// The absolute path of the running executable (`/proc/self/exe`, else argv[0] resolved).
    public static func currentExecutable() throws -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return path
        }
        let argument = CommandLine.arguments[0]
        if argument.contains("/") {
            let url = URL(fileURLWithPath: argument, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.standardizedFileURL.path }
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(argument)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ExecutionError.executableNotFound
    }
}
