import Foundation

/// Extracts `.tar.gz` archives with the system `tar` (GNU tar or bsdtar).
enum ArchiveExtractor {
    /// Runs `tar -xzf archive -C directory`; throws with tar's message on failure.
    static func extractTarGz(_ archive: String, into directory: String) throws {
        guard let tar = ["/usr/bin/tar", "/bin/tar"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw DatasetError.extractionFailed(path: archive, reason: "no tar program was found in /usr/bin or /bin")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tar)
        process.arguments = ["-xzf", archive, "-C", directory]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw DatasetError.extractionFailed(path: archive, reason: "\(tar) could not start: \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw DatasetError.extractionFailed(path: archive, reason: "tar exited with status \(process.terminationStatus): \(text)")
        }
    }
}
