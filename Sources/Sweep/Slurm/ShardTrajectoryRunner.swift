import Foundation
import Models

/// Trains one trajectory of an array task into the task's shard, measuring it at its epochs.
///
/// It continues from the latest usable checkpoint (the shard's own, from an earlier run of the
/// same task, or one handed over by a resubmission), writes each measurement with its checkpoint
/// in one transaction, and checkpoints between measurements as ``CheckpointPolicy`` says. When
/// Slurm asks the task to stop, it checkpoints at the next epoch boundary and returns. The
/// training and measuring code is the sweep worker's, so results equal `hashsweep run`'s bit for bit.
struct ShardTrajectoryRunner {
    let trajectory: Trajectory
    let shard: ShardStore
    /// Checkpoint handed over by the submission, if any.
    let handedOver: StoredCheckpoint?
    let datasets: DatasetCache
    let stop: SlurmStopRequest
    var policy = CheckpointPolicy()

    /// How the run ended.
    enum Outcome: Equatable {
        /// Every requested epoch is measured.
        case finished
        /// A stop was requested; the progress is checkpointed.
        case stopped
    }

    mutating func run() throws -> Outcome {
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

        let configuration = trajectory.configuration
        let splits = try datasets.splits(for: configuration.datasetOptions(trajectory: id))
        let trainingSet = try splits.train.trainingSet(configuration.trainingSetOptions(trajectory: id),
                                                        seed: UInt64(bitPattern: Int64(configuration.seed)))
        let training = try configuration.trainingConfiguration(inputCount: splits.train.featureCount,
                                                               classCount: splits.train.classCount, trajectory: id)
        let measurer = TrajectoryMeasurer(configuration: configuration, trainingSet: trainingSet, splits: splits)
        var trainer = try Self.trainer(training, from: start, trajectory: id)
        var unmeasuredSeconds = start?.unmeasuredSeconds ?? 0
        var sinceCheckpoint = 0.0
        var checkpointedEpoch = start?.epoch ?? -1
        var remaining = toMeasure[...]
        while let next = remaining.first {
            if trainer.epoch == next {
                var clock = Stopwatch()
                let (metrics, timings) = try measurer.measureWithTimings(trainer.model)
                let measurement = MeasurementInput(epoch: next, metrics: metrics, timings: timings,
                                                   trainSeconds: unmeasuredSeconds, measureSeconds: clock.lap())
                try shard.record(measurement, checkpoint: trainer.checkpoint().encodedData(), trajectory: id)
                policy.recordCost(seconds: clock.lap())
                unmeasuredSeconds = 0
                sinceCheckpoint = 0
                checkpointedEpoch = next
                remaining.removeFirst()
                continue
            }
            if stop.kind != nil {
                if trainer.epoch > checkpointedEpoch {
                    try shard.saveCheckpoint(StoredCheckpoint(epoch: trainer.epoch, data: trainer.checkpoint().encodedData(),
                                                              unmeasuredSeconds: unmeasuredSeconds), trajectory: id)
                }
                try shard.logEvent(kind: "stopped", trajectory: id, message: "stop requested; checkpointed at epoch \(trainer.epoch)")
                return .stopped
            }
            var clock = Stopwatch()
            _ = trainer.trainEpoch(on: trainingSet)
            let seconds = clock.lap()
            unmeasuredSeconds += seconds
            sinceCheckpoint += seconds
            if trainer.epoch != next && policy.shouldCheckpoint(secondsSinceCheckpoint: sinceCheckpoint) {
                try shard.saveCheckpoint(StoredCheckpoint(epoch: trainer.epoch, data: trainer.checkpoint().encodedData(),
                                                          unmeasuredSeconds: unmeasuredSeconds), trajectory: id)
                policy.recordCost(seconds: clock.lap())
                sinceCheckpoint = 0
                checkpointedEpoch = trainer.epoch
            }
        }
        try shard.finish(trajectory: id)
        return .finished
    }

    /// A trainer restored from `stored`, or freshly initialised.
    static func trainer(_ training: TrainingConfiguration, from stored: StoredCheckpoint?, trajectory id: String) throws -> Trainer {
        guard let stored else { return Trainer(configuration: training) }
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(decoding: stored.data)
        } catch {
            throw ExecutionError.unusableCheckpoint(trajectory: id, reason: error.description)
        }
        guard checkpoint.configuration == training, checkpoint.epoch == stored.epoch else {
            throw ExecutionError.unusableCheckpoint(trajectory: id, reason: "it was written for another configuration or epoch")
        }
        return Trainer(checkpoint: checkpoint)
    }
}
