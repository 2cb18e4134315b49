import Foundation
import Testing
@testable import Sweep

@Suite("Slurm: collect merges shards idempotently and reports conflicts")
struct SlurmCollectTests {
    static func trajectory(_ seed: Int) -> Trajectory {
        var configuration = TrajectoryConfiguration()
        configuration.seed = seed
        return Trajectory(id: "traj-\(seed)", configuration: configuration, epochs: [0, 1], axes: ["seed": .int(seed)])
    }

    /// A sweep database holding trajectories 0 and 1, measured at epochs 0 and 1.
    static func makeStore(in directory: URL) throws -> SweepStore {
        let store = try SweepStore.openOrCreate(path: directory.appendingPathComponent("sweep.sqlite").path)
        try store.synchronize(with: SweepDefinition(name: "tiny", specText: "name: tiny", specHash: "spec-hash", maxAttempts: 2,
                                                    trajectories: [trajectory(0), trajectory(1)], toolVersion: "test"))
        return store
    }

    /// Writes a shard by hand: `rows` are (seed, epoch, accuracy, loss).
    static func writeShard(_ name: String, in layout: SlurmLayout, rows: [(Int, Int, Double, Double)], checkpointEpoch: Int? = nil) throws {
        try FileManager.default.createDirectory(at: layout.shardDirectory, withIntermediateDirectories: true)
        let shard = try ShardStore.openOrCreate(path: layout.shardDirectory.appendingPathComponent(name).path,
                                                origin: ShardOrigin(sweepName: "tiny", manifestPath: "m.json", manifestIndex: 0,
                                                                    job: 1, task: 0, host: "test"))
        for (seed, epoch, accuracy, loss) in rows {
            _ = try shard.begin(trajectory(seed))
            try shard.record(MeasurementInput(epoch: epoch, metrics: [("accuracy", accuracy), ("loss", loss)], trainSeconds: 1, measureSeconds: 1),
                             checkpoint: Data([UInt8(epoch)]), trajectory: trajectory(seed).id)
        }
        if let checkpointEpoch {
            try shard.saveCheckpoint(StoredCheckpoint(epoch: checkpointEpoch, data: Data([9]), unmeasuredSeconds: 2), trajectory: trajectory(1).id)
        }
        try shard.close()
    }

    @Test("identical duplicates are counted, conflicting ones reported and never written, twice over")
    func conflicts() throws {
        let directory = try SlurmTemporaryDirectory("collect")
        let store = try Self.makeStore(in: directory.url)
        let layout = SlurmLayout(database: URL(fileURLWithPath: store.path))
        try Self.writeShard("10_0.sqlite", in: layout, rows: [(0, 0, 0.5, 2.0), (0, 1, 0.75, 1.0)])
        try Self.writeShard("10_1.sqlite.partial", in: layout, rows: [(0, 1, 0.75, 1.0), (1, 0, 0.25, .nan)], checkpointEpoch: 3)
        try Self.writeShard("11_0.sqlite", in: layout, rows: [(0, 0, 0.5, 2.5), (1, 0, 0.25, .nan)])

        let first = try SlurmCollector(layout: layout).collect(into: store)
        #expect(first.finishedShards == 2 && first.partialShards == 1)
        #expect(first.total.added == 3)
        #expect(first.total.identical == 2, "10_1's epoch 1 of trajectory 0, and 11_0's NaN row equal to 10_1's")
        #expect(first.total.conflicts == [SlurmConflict(trajectoryID: "traj-0", epoch: 0, shard: "11_0.sqlite", differingMetrics: ["loss"])])
        #expect(first.total.completed == 1, "trajectory 0 has both epochs; trajectory 1 only epoch 0")
        #expect(first.total.newerCheckpoints == 2, "trajectory 0 at epoch 1, trajectory 1 at epoch 3")

        let stored = try store.measurements().first { $0.trajectoryID == "traj-0" && $0.epoch == 0 }
        #expect(stored?.metrics == ["accuracy": 0.5, "loss": 2.0], "the first value is kept, not overwritten")
        #expect(try store.trajectory(id: "traj-0")?.status == .done)
        #expect(try store.trajectory(id: "traj-1")?.status == .pending)
        #expect(try store.latestCheckpoint(of: "traj-1")?.epoch == 3)

        let second = try SlurmCollector(layout: layout).collect(into: store)
        #expect(second.total.added == 0 && second.total.newerCheckpoints == 0 && second.total.completed == 0)
        #expect(second.total.identical == 5)
        #expect(second.total.conflicts == first.total.conflicts, "a conflict stays reported until someone resolves it")
        #expect(try store.measurements().count == 3)
    }

    @Test("a shard naming a trajectory the database does not know is reported, not imported")
    func unknownTrajectory() throws {
        let directory = try SlurmTemporaryDirectory("collect-unknown")
        let store = try Self.makeStore(in: directory.url)
        let layout = SlurmLayout(database: URL(fileURLWithPath: store.path))
        try Self.writeShard("12_0.sqlite", in: layout, rows: [(7, 0, 0.5, 1.0)])
        let report = try SlurmCollector(layout: layout).collect(into: store)
        #expect(report.total.unknownTrajectories == ["traj-7"] && report.total.added == 0)
    }

    @Test("a file that is not a shard is reported as unreadable and skipped")
    func unreadableShard() throws {
        let directory = try SlurmTemporaryDirectory("collect-unreadable")
        let store = try Self.makeStore(in: directory.url)
        let layout = SlurmLayout(database: URL(fileURLWithPath: store.path))
        try FileManager.default.createDirectory(at: layout.shardDirectory, withIntermediateDirectories: true)
        try Data("not sqlite".utf8).write(to: layout.shardDirectory.appendingPathComponent("13_0.sqlite"))
        let report = try SlurmCollector(layout: layout).collect(into: store)
        #expect(report.unreadable.count == 1 && report.unreadable[0].contains("13_0.sqlite"))
    }

    @Test("the work plan leaves out what any shard measured and resumes from the latest usable checkpoint")
    func workPlan() throws {
        let directory = try SlurmTemporaryDirectory("plan")
        let store = try Self.makeStore(in: directory.url)
        let layout = SlurmLayout(database: URL(fileURLWithPath: store.path))
        try Self.writeShard("10_0.sqlite.partial", in: layout, rows: [(0, 0, 0.5, 2.0), (0, 1, 0.75, 1.0), (1, 0, 0.25, 1.0)])
        let plan = try SlurmWorkPlan.make(store: store, layout: layout, active: [])
        #expect(plan.complete == 1)
        #expect(plan.work.map(\.id) == ["traj-1"] && plan.work[0].epochs == [1])
        #expect(plan.resume["traj-1"]?.epoch == 0)
        let held = try SlurmWorkPlan.make(store: store, layout: layout, active: ["traj-1"])
        #expect(held.work.isEmpty && held.heldByActiveTasks == 1)
    }
}
