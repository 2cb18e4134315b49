import Foundation

/// What a submission has left to do: every trajectory of the current spec with epochs not yet
/// measured anywhere (the database or any shard), continuing from the latest checkpoint found.
///
/// Trajectories that tasks of earlier submissions are still working on (queued or running) are
/// left out, so resubmitting never trains the same trajectory twice at once.
public struct SlurmWorkPlan: Sendable {
    /// Trajectories to train, each with the epochs still to measure.
    public var work: [Trajectory]
    /// Checkpoints to continue from, by trajectory id.
    public var resume: [String: StoredCheckpoint]
    /// Trajectories of the spec whose requested epochs are all measured.
    public var complete: Int
    /// Trajectories left out because a queued or running task holds them.
    public var heldByActiveTasks: Int

    /// The plan for the sweep in `store`, given the trajectories active tasks hold.
    public static func make(store: SweepStore, layout: SlurmLayout, active: Set<String>) throws -> SlurmWorkPlan {
        var measured = try store.measuredEpochs()
        var checkpointSources: [String: [(epoch: Int, shard: String?)]] = [:]
        for file in layout.shardFiles() {
            let shard = try ShardStore.openForReading(path: file.url.path)
            for (id, epochs) in try shard.measuredEpochs() { measured[id, default: []].formUnion(epochs) }
            for (id, epoch) in try shard.checkpointEpochs() { checkpointSources[id, default: []].append((epoch, file.url.path)) }
        }
        var plan = SlurmWorkPlan(work: [], resume: [:], complete: 0, heldByActiveTasks: 0)
        for record in try store.trajectories(includingRetired: false) {
            let toMeasure = record.epochs.filter { !(measured[record.id]?.contains($0) ?? false) }
            guard let first = toMeasure.first else {
                plan.complete += 1
                continue
            }
            guard !active.contains(record.id) else {
                plan.heldByActiveTasks += 1
                continue
            }
            plan.work.append(Trajectory(id: record.id, configuration: record.configuration, epochs: toMeasure, axes: record.axes))
            var candidates = checkpointSources[record.id] ?? []
            if let lastEpoch = record.lastEpoch { candidates.append((lastEpoch, nil)) }
            guard let best = candidates.filter({ $0.epoch <= first }).max(by: { $0.epoch < $1.epoch }) else { continue }
            let checkpoint = try best.shard.map { try ShardStore.openForReading(path: $0).checkpoint(of: record.id) }
                ?? store.latestCheckpoint(of: record.id)
            if let checkpoint, checkpoint.epoch <= first { plan.resume[record.id] = checkpoint }
        }
        return plan
    }

    /// Ids of the trajectories that queued or running array tasks of `submissions` hold.
    public static func activeTrajectories(submissions: [SlurmSubmission], queue: [SlurmQueueEntry]) throws -> Set<String> {
        var active = Set<String>()
        for submission in submissions where !submission.dryRun {
            let entries = queue.filter { submission.jobIDs.contains($0.job) }
            guard !entries.isEmpty else { continue }
            let manifest = try SlurmManifest.read(from: URL(fileURLWithPath: submission.manifest))
            for entry in entries {
                guard let index = submission.manifestIndex(job: entry.job, task: entry.task), manifest.tasks.indices.contains(index) else { continue }
                active.formUnion(manifest.tasks[index])
            }
        }
        return active
    }
}
