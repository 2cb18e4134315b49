import Foundation
import Testing
@testable import Sweep

/// A temporary folder removed at the end of a test.
final class SlurmTemporaryDirectory {
    let url: URL

    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hashsweep-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

@Suite("Slurm: array tasks write shards, stop on request and continue from their checkpoints")
struct SlurmTaskTests {
    /// Two tiny synthetic trajectories (3 classes, 8 features) measured at epochs 0, 1 and 3.
    static func tinyTrajectories() -> [Trajectory] {
        (0..<2).map { seed in
            var configuration = TrajectoryConfiguration()
            configuration.dataset = "synthetic"
            var data = SyntheticDataConfiguration()
            data.classes = 3
            data.dimension = 8
            data.trainSize = 300
            data.testSize = 100
            configuration.synthetic = data
            configuration.samples = 200
            configuration.width = 8
            configuration.batchSize = 50
            configuration.seed = seed
            return Trajectory(id: "tiny-\(seed)", configuration: configuration, epochs: [0, 1, 3], axes: ["seed": .int(seed)])
        }
    }

    static func writeManifest(in directory: URL) throws -> String {
        let manifest = SlurmManifest.assigning(tinyTrajectories(), perTask: 2, sweepName: "tiny",
                                               databasePath: directory.appendingPathComponent("sweep.sqlite").path,
                                               shardDirectory: directory.appendingPathComponent("shards").path)
        let url = directory.appendingPathComponent("manifest.json")
        try manifest.write(to: url)
        return url.path
    }

    static func values(_ shard: String) throws -> [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for row in try ShardStore.openForReading(path: shard).measurements() { result["\(row.trajectoryID)@\(row.epoch)"] = row.metrics }
        return result
    }

    @Test("a task finishes its chunk into <job>_<task>.sqlite; run again, it does nothing")
    func completeTask() throws {
        let directory = try SlurmTemporaryDirectory("task")
        let manifest = try Self.writeManifest(in: directory.url)
        let task = SlurmTask(manifestPath: manifest, index: 0, shard: ShardName(job: 41, task: 0))
        let outcome = try task.run(stop: SlurmStopRequest()) { _ in }
        #expect(outcome == SlurmTask.Outcome(done: 2, failed: 0, stoppedBy: nil,
                                             shardPath: directory.url.appendingPathComponent("shards/41_0.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: outcome.shardPath + ".partial"))
        let shard = try ShardStore.openForReading(path: outcome.shardPath)
        #expect(try shard.isComplete())
        #expect(try shard.trajectories().map(\.status) == ["done", "done"])
        #expect(try shard.measurements().map(\.epoch) == [0, 1, 3, 0, 1, 3])
        #expect(try shard.origin()?.job == 41)
        #expect(try task.run(stop: SlurmStopRequest()) { _ in }.done == 2)
    }

    @Test("a stopped task checkpoints into its partial shard; requeued, it ends bit for bit where an uninterrupted one ends")
    func stopAndContinue() throws {
        let directory = try SlurmTemporaryDirectory("requeue")
        let manifest = try Self.writeManifest(in: directory.url)
        let reference = try SlurmTask(manifestPath: manifest, index: 0, shard: ShardName(job: 1, task: 0))
            .run(stop: SlurmStopRequest()) { _ in }

        let task = SlurmTask(manifestPath: manifest, index: 0, shard: ShardName(job: 2, task: 0))
        let stop = SlurmStopRequest()
        stop.request(.requeue)
        let stopped = try task.run(stop: stop) { _ in }
        #expect(stopped.stoppedBy == .requeue && stopped.exitCode == SlurmTaskExitCode.interrupted)
        #expect(stopped.shardPath.hasSuffix("2_0.sqlite.partial"))
        let partial = try ShardStore.openForReading(path: stopped.shardPath)
        #expect(try !partial.isComplete())
        #expect(try partial.measurements().map(\.epoch) == [0], "measured at initialisation, then stopped")
        #expect(try partial.checkpoint(of: "tiny-0")?.epoch == 0)

        let resumed = try task.run(stop: SlurmStopRequest()) { _ in }
        #expect(resumed.done == 2 && resumed.shardPath.hasSuffix("2_0.sqlite"))
        #expect(try Self.values(resumed.shardPath) == Self.values(reference.shardPath))
    }

    @Test("an index outside the manifest is refused with the manifest's size")
    func indexOutOfRange() throws {
        let directory = try SlurmTemporaryDirectory("index")
        let manifest = try Self.writeManifest(in: directory.url)
        #expect(throws: SlurmError.indexOutOfRange(path: manifest, index: 1, taskCount: 1)) {
            try SlurmTask(manifestPath: manifest, index: 1, shard: ShardName(job: 1, task: 1)).run(stop: SlurmStopRequest()) { _ in }
        }
    }
}
