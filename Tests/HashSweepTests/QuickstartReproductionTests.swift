import Foundation
import Testing

/// The committed quick-start results come from the current code.
@Suite("Quick-start reproduction")
struct QuickstartReproductionTests {
    /// The release binary `scripts/quickstart` builds (and `scripts/test` too, for this test).
    static let release = HashSweepCLI.packageRoot.appendingPathComponent(".build/release/hashsweep")

    @Test("the quick-start sweep reproduces results/quickstart/*.csv byte for byte")
    func reproducesCommittedCSVs() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.release.path) else {
            let message = "no release binary at \(Self.release.path): build it with "
                + "`swift build -c release -Xswiftc -target-cpu -Xswiftc native --product hashsweep` (scripts/test does)"
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: message)); return }
            try Test.cancel(Comment(rawValue: "skipped: " + message))
        }
        let folder = try TemporaryFolder()
        let database = folder.url.appendingPathComponent("sweep.sqlite").path
        let output = folder.url.appendingPathComponent("out").path
        let root = HashSweepCLI.packageRoot
        let run = try Self.release(["run", "sweeps/quickstart.yaml", "--db", database, "-j", "2"], in: root)
        #expect(run.status == 0, "\(run)")
        let chart = try Self.release(["chart", "sweeps/quickstart.yaml", "--db", database, "--out", output], in: root)
        #expect(chart.status == 0, "\(chart)")
        for name in ["measurements.csv", "cells.csv"] {
            let committed = try String(contentsOf: root.appendingPathComponent("results/quickstart/\(name)"), encoding: .utf8)
            let fresh = try String(contentsOfFile: output + "/" + name, encoding: .utf8)
            let committedLines = committed.split(separator: "\n"), freshLines = fresh.split(separator: "\n")
            let differing = zip(committedLines, freshLines).filter { $0 != $1 }.count + abs(committedLines.count - freshLines.count)
            #expect(fresh == committed, "\(name): \(differing) of \(committedLines.count) lines differ from a fresh run; regenerate with scripts/quickstart")
        }
    }

    private static func release(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.release
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let log = folder.appendingPathComponent(".build/quickstart-reproduction-\(UUID().uuidString.prefix(8)).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
