import Foundation

/// Merges the shards beside a sweep database into it (`hashsweep slurm collect`).
///
/// Finished shards and partial ones (left by cancelled or still-running tasks) are read in name
/// order; every committed measurement counts wherever it was written. Collecting twice changes
/// nothing the second time; a measurement that disagrees with the database is reported and left
/// out, never written over the database's value.
public struct SlurmCollector: Sendable {
    /// Where the shards are.
    public var layout: SlurmLayout

    /// A collector for the sweep at `layout`.
    public init(layout: SlurmLayout) {
        self.layout = layout
    }

    /// What a collection did.
    public struct Report: Sendable, Equatable {
        /// Finished shards read.
        public var finishedShards = 0
        /// Partial shards read (cancelled, stopped or still running tasks).
        public var partialShards = 0
        /// Shards that could not be read, with the reason.
        public var unreadable: [String] = []
        /// The sum of the shards' import results.
        public var total = ShardImportResult()
    }

    /// Imports every shard into `store`.
    public func collect(into store: SweepStore) throws -> Report {
        var report = Report()
        for file in layout.shardFiles() {
            let shard: ShardStore
            let measurements: [ShardMeasurement]
            let checkpoints: [String: StoredCheckpoint]
            do {
                shard = try ShardStore.openForReading(path: file.url.path)
                measurements = try shard.measurements()
                checkpoints = try shard.checkpoints()
            } catch {
                report.unreadable.append(String(describing: error))
                continue
            }
            if file.partial { report.partialShards += 1 } else { report.finishedShards += 1 }
            let result = try store.importShard(measurements: measurements, checkpoints: checkpoints, source: file.url.lastPathComponent)
            report.total.added += result.added
            report.total.identical += result.identical
            report.total.conflicts += result.conflicts
            report.total.unknownTrajectories.formUnion(result.unknownTrajectories)
            report.total.newerCheckpoints += result.newerCheckpoints
            report.total.completed += result.completed
        }
        return report
    }
}
