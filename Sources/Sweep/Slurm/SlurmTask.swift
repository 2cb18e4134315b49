import Foundation

/// One array task: trains the trajectories of one manifest index into its shard.
///
/// The shard is written as `<job>_<task>.sqlite.partial` and renamed to `<job>_<task>.sqlite` only
/// when every trajectory of the chunk is done or failed, so a finished file is always complete.
/// A requeued task (same job and task ids) reopens its partial shard and continues from its
/// checkpoints; a task whose finished shard exists already does nothing.
public struct SlurmTask: Sendable {
    /// The frozen manifest.
    public var manifestPath: String
    /// The manifest index this task trains.
    public var index: Int
    /// The shard this task writes (from `SLURM_ARRAY_JOB_ID` and `SLURM_ARRAY_TASK_ID`).
    public var shard: ShardName

    /// A task; see the properties.
    public init(manifestPath: String, index: Int, shard: ShardName) {
        self.manifestPath = manifestPath
        self.index = index
        self.shard = shard
    }

    /// How a task run ended.
    public struct Outcome: Sendable, Equatable {
        /// The trajectories now done in the shard.
        public var done: Int
        /// The trajectories that failed (their errors are in the shard).
        public var failed: Int
        /// The stop request that ended the run early, if one did.
        public var stoppedBy: SlurmStopRequest.Kind?
        /// The shard file as it is left (finished, or partial when stopped).
        public var shardPath: String

        /// The process exit code that reports this outcome.
        public var exitCode: Int32 {
            if stoppedBy != nil { return SlurmTaskExitCode.interrupted }
            return failed > 0 ? SlurmTaskExitCode.someFailed : SlurmTaskExitCode.finished
        }
    }

    /// Runs the task in this process; `log` receives one line per trajectory.
    public func run(stop: SlurmStopRequest, log: (String) -> Void) throws -> Outcome {
        let manifestURL = URL(fileURLWithPath: manifestPath)
        let manifest = try SlurmManifest.read(from: manifestURL)
        let trajectories = try manifest.trajectories(forIndex: index, manifestPath: manifestPath)
        let directory = URL(fileURLWithPath: manifest.shardDirectory, isDirectory: true)
        let finishedURL = directory.appendingPathComponent(shard.fileName)
        let partialURL = directory.appendingPathComponent(shard.partialFileName)
        if FileManager.default.fileExists(atPath: finishedURL.path) {
            log("shard \(finishedURL.path) is complete already; nothing to do")
            let states = try ShardStore.openForReading(path: finishedURL.path).trajectories()
            return Outcome(done: states.count { $0.status == "done" }, failed: states.count { $0.status == "failed" },
                           stoppedBy: nil, shardPath: finishedURL.path)
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SlurmError.unwritableShard(path: partialURL.path, reason: error.localizedDescription)
        }
        let origin = ShardOrigin(sweepName: manifest.sweepName, manifestPath: manifestPath, manifestIndex: index,
                                 job: shard.job, task: shard.task, host: WorkerIdentity.currentHost)
        let store = try ShardStore.openOrCreate(path: partialURL.path, origin: origin)
        let handedOver = try manifest.resumeDatabasePath.flatMap { path in
            FileManager.default.fileExists(atPath: path) ? try ShardStore.openForReading(path: path).checkpoints() : nil
        } ?? [:]
        let datasets = DatasetCache()
        var done = 0, failed = 0
        for (position, trajectory) in trajectories.enumerated() {
            let runner = ShardTrajectoryRunner(trajectory: trajectory, shard: store, handedOver: handedOver[trajectory.id],
                                               datasets: datasets, stop: stop)
            do {
                switch try runner.run() {
                case .finished:
                    done += 1
                    log("trajectory \(trajectory.id.prefix(12)): done")
                case .stopped:
                    log("trajectory \(trajectory.id.prefix(12)): stopped by Slurm; checkpointed in \(partialURL.path)")
                    return Outcome(done: done, failed: failed, stoppedBy: stop.kind, shardPath: partialURL.path)
                }
            } catch let error as SlurmError {
                throw error
            } catch {
                failed += 1
                log("trajectory \(trajectory.id.prefix(12)): failed: \(error)")
                try store.fail(trajectory: trajectory.id, error: String(describing: error))
            }
            if stop.kind != nil, position < trajectories.count - 1 {
                return Outcome(done: done, failed: failed, stoppedBy: stop.kind, shardPath: partialURL.path)
            }
        }
        try store.markComplete()
        try store.close()
        do {
            try FileManager.default.moveItem(at: partialURL, to: finishedURL)
        } catch {
            throw SlurmError.unwritableShard(path: finishedURL.path, reason: "renaming the complete shard failed: \(error.localizedDescription)")
        }
        return Outcome(done: done, failed: failed, stoppedBy: nil, shardPath: finishedURL.path)
    }
}
