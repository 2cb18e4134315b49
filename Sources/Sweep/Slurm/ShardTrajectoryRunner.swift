import Foundation

/// Trains one trajectory of an array task into the task's shard, measuring it at its epochs.
///
/// It continues from the latest usable checkpoint (the shard's own, from an earlier run of the
/// same task, or one handed over by a resubmission) and runs ``TrajectoryTraining``, which writes
/// each measurement with its checkpoint in one transaction. When Slurm asks the task to stop, it
/// checkpoints at the next epoch boundary and returns. The training loop is the sweep worker's,
/// so results equal `hashsweep run`'s bit for bit.
struct ShardTrajectoryRunner {
    let trajectory: Trajectory
    let shard: ShardStore
    /// Checkpoint handed over by the submission, if any.
    let handedOver: StoredCheckpoint?
    let datasets: DatasetCache
    let stop: SlurmStopRequest

    /// How the run ended.
    enum Outcome: Equatable {
        /// Every requested epoch is measured.
        case finished
        /// A stop was requested; the progress is checkpointed.
        case stopped
    }

    func run() throws -> Outcome {
        let id = trajectory.id
        let progress = try shard.begin(trajectory)
        if progress.status == "done" { return .finished }
        let toMeasure = trajectory.epochs.filter { !progress.measuredEpochs.contains($0) }
        guard let firstToMeasure = toMeasure.first else {
            try shard.finish(trajectory: id)
            return .finished
        }
        // The latest checkpoint that does not skip past an epoch still to measure.
        let start = [progress.checkpoint, handedOver].compactMap { $0 }.filter { $0.epoch <= firstToMeasure }
            .max { $0.epoch < $1.epoch }
        try shard.logEvent(kind: "start", trajectory: id, message: "from \(start.map { "checkpoint at epoch \($0.epoch)" } ?? "initialisation"), to measure \(toMeasure)")
        var training = TrajectoryTraining(trajectory: trajectory, datasets: datasets)
        switch try training.run(from: start, measuring: toMeasure, into: ShardSink(trajectory: id, shard: shard, stop: stop)).outcome {
        case .finished:
            try shard.finish(trajectory: id)
            return .finished
        case .stopped(let epoch):
            try shard.logEvent(kind: "stopped", trajectory: id, message: "stop requested; checkpointed at epoch \(epoch)")
            return .stopped
        }
    }
}

/// Writes a trajectory's progress to an array task's shard; stops when Slurm asked the task to.
private struct ShardSink: TrajectorySink {
    let trajectory: String
    let shard: ShardStore
    let stop: SlurmStopRequest

    func record(_ measurement: MeasurementInput, checkpoint: Data?) throws {
        precondition(!measurement.isRemeasurement && checkpoint != nil, "ShardSink: array tasks only take first measurements")
        try shard.record(measurement, checkpoint: checkpoint!, trajectory: trajectory)
    }

    func saveCheckpoint(_ checkpoint: StoredCheckpoint) throws {
        try shard.saveCheckpoint(checkpoint, trajectory: trajectory)
    }

    func reached(epoch: Int) {}

    func shouldStop() -> Bool { stop.kind != nil }
}
