import Foundation
import Models

/// Trains one claimed trajectory and measures it at each planned epoch.
///
/// Starts from the claim's checkpoint (or initialisation), trains epoch by
/// epoch, and at every epoch to measure writes the measurement and the
/// checkpoint of that epoch in one transaction. Between measurements it
/// checkpoints by ``CheckpointPolicy``. Training is deterministic, so resuming
/// from any checkpoint reproduces an uninterrupted run bit for bit.
struct TrajectoryRunner {
    let claim: Claim
    let session: WorkerSession
    let datasets: DatasetCache
    var policy = CheckpointPolicy()

    init(claim: Claim, session: WorkerSession, datasets: DatasetCache) {
        self.claim = claim
        self.session = session
        self.datasets = datasets
    }

    /// Trains and measures the claim's trajectory; returns the seconds spent preparing data.
    mutating func run() throws -> Double {
        var setupClock = Stopwatch()
        let id = claim.trajectory.id
        let configuration = claim.trajectory.configuration
        let splits = try datasets.splits(for: configuration.datasetOptions(trajectory: id))
        let trainingSet = try splits.train.trainingSet(configuration.trainingSetOptions(trajectory: id),
                                                        seed: UInt64(bitPattern: Int64(configuration.seed)))
        let training = try configuration.trainingConfiguration(inputCount: splits.train.featureCount,
                                                               classCount: splits.train.classCount, trajectory: id)
        let measurer = TrajectoryMeasurer(configuration: configuration, trainingSet: trainingSet, splits: splits)
        let setupSeconds = setupClock.lap()
        var trainer = try makeTrainer(training)
        var unmeasuredSeconds = claim.checkpoint?.unmeasuredSeconds ?? 0
        var sinceCheckpoint = 0.0
        var remaining = claim.epochsToMeasure[...]
        while let next = remaining.first {
            if trainer.epoch == next {
                var clock = Stopwatch()
                let (metrics, timings) = try measurer.measureWithTimings(trainer.model)
                let measureSeconds = clock.lap()
                let measurement = MeasurementInput(epoch: next, metrics: metrics, timings: timings,
                                                   trainSeconds: unmeasuredSeconds, measureSeconds: measureSeconds)
                try session.store.record(measurement, checkpoint: trainer.checkpoint().encodedData(), for: claim)
                policy.recordCost(seconds: clock.lap())
                unmeasuredSeconds = 0
                sinceCheckpoint = 0
                remaining.removeFirst()
                continue
            }
            if session.isLeaseLost { throw StoreError.leaseLost(trajectory: id, owner: claim.worker.name) }
            var clock = Stopwatch()
            _ = trainer.trainEpoch(on: trainingSet)
            let seconds = clock.lap()
            unmeasuredSeconds += seconds
            sinceCheckpoint += seconds
            session.reached(epoch: trainer.epoch)
            if trainer.epoch != next && policy.shouldCheckpoint(secondsSinceCheckpoint: sinceCheckpoint) {
                let checkpoint = StoredCheckpoint(epoch: trainer.epoch, data: trainer.checkpoint().encodedData(),
                                                  unmeasuredSeconds: unmeasuredSeconds)
                try session.store.saveCheckpoint(checkpoint, for: claim)
                policy.recordCost(seconds: clock.lap())
                sinceCheckpoint = 0
            }
        }
        return setupSeconds
    }

    /// A trainer at the claim's start: restored from its checkpoint, or freshly initialised.
    private func makeTrainer(_ training: TrainingConfiguration) throws -> Trainer {
        guard let stored = claim.checkpoint else { return Trainer(configuration: training) }
        let id = claim.trajectory.id
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
                                                    reason: "it holds epoch \(checkpoint.epoch), the database says \(stored.epoch)")
        }
        return Trainer(checkpoint: checkpoint)
    }
}
