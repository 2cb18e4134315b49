import Foundation
import Metrics
import Models

/// The epoch loop of one trajectory, shared by `hashsweep run`'s workers and Slurm array tasks.
///
/// Starts from a stored checkpoint (or initialisation), trains epoch by epoch, and at every
/// epoch to measure writes the measurement and the checkpoint of that epoch in one transaction
/// (at an epoch to re-measure, only the steps asked for, merged into the stored measurement).
/// ``remeasure(_:checkpoint:into:)`` measures kept checkpoints without training.
/// Between measurements it checkpoints by ``CheckpointPolicy``. Before each epoch it asks the
/// sink whether to stop; if so it checkpoints the epochs trained since the last checkpoint and
/// returns. Training is deterministic, so resuming from any checkpoint reproduces an
/// uninterrupted run bit for bit, whichever sink wrote it.
struct TrajectoryTraining {
    let trajectory: Trajectory
    let datasets: DatasetCache
    var policy = CheckpointPolicy()

    /// The data and the measurer of the trajectory, with the seconds it took to prepare them.
    struct Setup {
        var trainingSet: TrainingSet
        var training: TrainingConfiguration
        var measurer: TrajectoryMeasurer
        var seconds: Double
    }

    func setup() throws -> Setup {
        var clock = Stopwatch()
        let id = trajectory.id
        let configuration = trajectory.configuration
        let splits = try datasets.splits(for: configuration.datasetOptions(trajectory: id))
        let trainingSet = try splits.train.trainingSet(configuration.trainingSetOptions(trajectory: id),
                                                        seed: UInt64(bitPattern: Int64(configuration.seed)))
        let training = try configuration.trainingConfiguration(inputShape: splits.inputShape,
                                                               classCount: splits.train.classCount, trajectory: id)
        let measurer = TrajectoryMeasurer(configuration: configuration, trainingSet: trainingSet, splits: splits)
        return Setup(trainingSet: trainingSet, training: training, measurer: measurer, seconds: clock.lap())
    }

    /// Re-measures the `steps` of measured epochs from their kept checkpoints (loaded one at a
    /// time by `checkpoint`), writing each through `sink`; returns the seconds spent preparing data.
    func remeasure(_ steps: [Int: [MetricStep]], checkpoint: (Int) throws -> StoredCheckpoint?,
                   into sink: some TrajectorySink) throws -> Double {
        guard !steps.isEmpty else { return 0 }
        let prepared = try setup()
        for (epoch, epochSteps) in steps.sorted(by: { $0.key < $1.key }) {
            guard let stored = try checkpoint(epoch) else {
                throw ExecutionError.unusableCheckpoint(trajectory: trajectory.id, reason: "the checkpoint of epoch \(epoch) is gone")
            }
            let trainer = try Self.trainer(prepared.training, from: stored, trajectory: trajectory.id)
            var clock = Stopwatch()
            let result = try prepared.measurer.measure(trainer.model, steps: epochSteps)
            try sink.record(MeasurementInput(epoch: epoch, metrics: result.metrics, timings: result.timings, trainSeconds: 0,
                                             measureSeconds: clock.lap(), settings: result.settings, isRemeasurement: true),
                            checkpoint: nil)
        }
        return prepared.seconds
    }

    /// How the loop ended.
    enum Outcome: Equatable {
        /// Every epoch it was asked to measure is measured.
        case finished
        /// The sink asked to stop; the progress up to `epoch` is checkpointed.
        case stopped(epoch: Int)
    }

    /// Trains from `start` (nil: initialisation), measuring at `epochs` (increasing, none
    /// before `start`'s epoch) every step, or at the epochs in `remeasuring` only the steps
    /// given, writing through `sink`.
    ///
    /// Returns how it ended and the seconds spent preparing data (loading the dataset,
    /// building the training set).
    mutating func run(from start: StoredCheckpoint?, measuring epochs: [Int], remeasuring: [Int: [MetricStep]] = [:],
                      into sink: some TrajectorySink) throws -> (outcome: Outcome, setupSeconds: Double) {
        precondition(zip(epochs, epochs.dropFirst()).allSatisfy { $0 < $1 } && (epochs.first ?? 0) >= (start?.epoch ?? 0),
                     "TrajectoryTraining: epochs must increase and none may come before the start checkpoint")
        let id = trajectory.id
        let prepared = try setup()
        let (trainingSet, measurer, setupSeconds) = (prepared.trainingSet, prepared.measurer, prepared.seconds)
        var trainer = try Self.trainer(prepared.training, from: start, trajectory: id)
        var unmeasuredSeconds = start?.unmeasuredSeconds ?? 0
        var sinceCheckpoint = 0.0
        var checkpointedEpoch = start?.epoch ?? -1
        var remaining = epochs[...]
        while let next = remaining.first {
            if trainer.epoch == next {
                var clock = Stopwatch()
                let steps = remeasuring[next]
                let result = try measurer.measure(trainer.model, steps: steps)
                let measurement = MeasurementInput(epoch: next, metrics: result.metrics, timings: result.timings,
                                                   trainSeconds: unmeasuredSeconds, measureSeconds: clock.lap(),
                                                   settings: result.settings, isRemeasurement: steps != nil)
                try sink.record(measurement, checkpoint: trainer.checkpoint().encodedData())
                policy.recordCost(seconds: clock.lap())
                unmeasuredSeconds = 0
                sinceCheckpoint = 0
                checkpointedEpoch = next
                remaining.removeFirst()
                continue
            }
            if try sink.shouldStop() {
                if trainer.epoch > checkpointedEpoch {
                    try sink.saveCheckpoint(StoredCheckpoint(epoch: trainer.epoch, data: trainer.checkpoint().encodedData(),
                                                             unmeasuredSeconds: unmeasuredSeconds))
                }
                return (.stopped(epoch: trainer.epoch), setupSeconds)
            }
            var clock = Stopwatch()
            _ = trainer.trainEpoch(on: trainingSet)
            let seconds = clock.lap()
            unmeasuredSeconds += seconds
            sinceCheckpoint += seconds
            sink.reached(epoch: trainer.epoch)
            if trainer.epoch != next && policy.shouldCheckpoint(secondsSinceCheckpoint: sinceCheckpoint) {
                try sink.saveCheckpoint(StoredCheckpoint(epoch: trainer.epoch, data: trainer.checkpoint().encodedData(),
                                                         unmeasuredSeconds: unmeasuredSeconds))
                policy.recordCost(seconds: clock.lap())
                sinceCheckpoint = 0
                checkpointedEpoch = trainer.epoch
            }
        }
        return (.finished, setupSeconds)
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
        guard checkpoint.configuration == training else {
            throw ExecutionError.unusableCheckpoint(trajectory: id, reason: "it was written for another training configuration")
        }
        guard checkpoint.epoch == stored.epoch else {
            throw ExecutionError.unusableCheckpoint(trajectory: id,
                                                    reason: "it holds epoch \(checkpoint.epoch), the store says \(stored.epoch)")
        }
        return Trainer(checkpoint: checkpoint)
    }
}
