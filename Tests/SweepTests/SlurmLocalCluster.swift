import Foundation
import Testing
@testable import Sweep

/// The single-node Slurm cluster of `scripts/slurm-local`, and the built `hashsweep` binary, for
/// the end-to-end tests.
enum SlurmLocalCluster {
    /// The repository's root (three levels above this file).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Starts the cluster (idempotent) and returns its `SLURM_CONF`; cancels the test, saying why, where it cannot start.
    static func start() throws -> String {
        let script = repository.appendingPathComponent("scripts/slurm-local").path
        let result = try run(script, ["start"], in: repository, environment: [:])
        guard result.status == 0,
              let line = result.output.split(whereSeparator: \.isNewline).last(where: { $0.hasPrefix("export SLURM_CONF=") }) else {
            let reason = "scripts/slurm-local start failed (exit \(result.status)), so the Slurm end-to-end test cannot run here: "
                + result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            FileHandle.standardError.write(Data("SKIPPING: \(reason)\n".utf8))
            try Test.cancel(Comment(rawValue: reason))
        }
        return String(line.dropFirst("export SLURM_CONF=".count))
    }

    /// The `hashsweep` executable built beside the test bundle (or `$HASHSWEEP_BINARY`).
    static func binary() throws -> String {
        if let path = ProcessInfo.processInfo.environment["HASHSWEEP_BINARY"] { return path }
        let bundle = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var directory = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        // On Linux the test runner is `<build>/debug/hashsweepPackageTests.xctest`; the binary sits beside it.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("hashsweep").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw SlurmError.commandNotFound("hashsweep (build it first: swift build --build-tests)")
    }

    /// Runs `program` with `arguments` in `directory`; returns its exit status and combined output.
    static func run(_ program: String, _ arguments: [String], in directory: URL, environment: [String: String]) throws
        -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        // Output goes to a file, not a pipe: daemons started by the script may keep inherited
        // descriptors open, and reading a pipe to EOF would then wait for them forever.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("hashsweep-run-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)  // FileHandle(forWritingTo:) below reports a failure
        defer { try? FileManager.default.removeItem(at: log) }
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? output.close()
        let data = (try? Data(contentsOf: log)) ?? Data()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Polls `squeue` until no task of `jobs` is queued or running; fails after `limit` seconds (a hung cluster).
    static func waitForJobs(_ jobs: Set<Int>, client: SlurmClient, limit: Double = 240, logs: URL) throws {
        let deadline = Date().addingTimeInterval(limit)
        while try !client.queue(jobs: jobs).isEmpty {
            guard Date() < deadline else {
                let logText = (try? FileManager.default.contentsOfDirectory(atPath: logs.path))?.compactMap {
                    try? String(contentsOf: logs.appendingPathComponent($0), encoding: .utf8)
                }.joined(separator: "\n") ?? ""
                Issue.record("Slurm jobs \(jobs.sorted()) were still queued after \(Int(limit)) s. Task logs:\n\(logText)")
                throw SlurmError.commandFailed(command: "squeue", status: 0, output: "jobs still queued")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// The job ids printed by `hashsweep slurm submit` / `resubmit` (`  job 12: tasks ...`).
    static func jobIDs(in output: String) -> Set<Int> {
        Set(output.split(whereSeparator: \.isNewline).compactMap { line -> Int? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("job ") else { return nil }
            return Int(trimmed.dropFirst(4).prefix { $0.isNumber })
        })
    }

    /// Every measurement of the database at `path`: "trajectory@epoch" to metric values.
    static func measurements(_ path: String) throws -> [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for row in try SweepStore.open(path: path).measurements() { result["\(row.trajectoryID)@\(row.epoch)"] = row.metrics }
        return result
    }

    /// Expects both databases to hold the same measurements with the same metric values, bit for bit.
    static func expectSameMeasurements(_ slurm: String, _ local: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fromSlurm = try measurements(slurm), fromLocal = try measurements(local)
        #expect(!fromLocal.isEmpty, sourceLocation: sourceLocation)
        #expect(fromSlurm.keys.sorted() == fromLocal.keys.sorted(), sourceLocation: sourceLocation)
        for (key, metrics) in fromLocal {
            let other = fromSlurm[key] ?? [:]
            #expect(metrics.keys.sorted() == other.keys.sorted(), "\(key): metric names differ", sourceLocation: sourceLocation)
            for (name, value) in metrics {
                #expect(other[name]?.bitPattern == value.bitPattern, "\(key) \(name): Slurm \(other[name] ?? .nan) vs local \(value)",
                        sourceLocation: sourceLocation)
            }
        }
    }
}
