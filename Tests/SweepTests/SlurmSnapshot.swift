import Foundation
import Testing

/// Golden files for the Slurm tests, kept in `Tests/SweepTests/Snapshots/` beside the sources.
///
/// Read through `#filePath`, so the test target needs no resources. Set
/// `HASHSWEEP_UPDATE_SNAPSHOTS=1` to rewrite them after an intended change, then review the diff.
enum SlurmSnapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots", isDirectory: true)

    /// Expects `text` to equal the golden file `name`.
    static func expectMatches(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HASHSWEEP_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try? String(contentsOf: url, encoding: .utf8)
        #expect(golden != nil, "Golden file \(url.path) is missing; run with HASHSWEEP_UPDATE_SNAPSHOTS=1 to create it",
                sourceLocation: sourceLocation)
        #expect(text == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }
}
