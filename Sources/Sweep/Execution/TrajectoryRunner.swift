import Foundation

/// Trains one claimed trajectory and measures it at each planned epoch.
///
/// Starts from the claim's checkpoint (or initialisation) and runs ``TrajectoryTraining``,
/// which writes every measurement with its checkpoint under the claim's lease. A lease taken
/// over by another worker ends the run with ``StoreError/leaseLost(trajectory:owner:)``.
struct TrajectoryRunner {
    let claim: Claim
    let session: WorkerSession
    let datasets: DatasetCache

    /// Trains and measures the claim's trajectory; returns the seconds spent preparing data.
    func run() throws -> Double {
        var training = TrajectoryTraining(trajectory: claim.trajectory, datasets: datasets)
        let sink = ClaimSink(claim: claim, session: session)
        let id = claim.trajectory.id, store = session.store
        var setupSeconds = try training.remeasure(claim.work.fromCheckpoint, checkpoint: { try store.checkpoint(trajectory: id, epoch: $0) },
                                                  into: sink)
        guard !claim.epochsToMeasure.isEmpty else { return setupSeconds }
        let result = try training.run(from: claim.checkpoint, measuring: claim.epochsToMeasure, remeasuring: claim.work.byTraining,
                                      into: sink)
        setupSeconds += result.setupSeconds
        return setupSeconds
    }
}

/// Writes a claimed trajectory's progress to the sweep database, checking the lease each time.
private struct ClaimSink: TrajectorySink {
    let claim: Claim
    let session: WorkerSession

    func record(_ measurement: MeasurementInput, checkpoint: Data?) throws {
        try session.store.record(measurement, checkpoint: checkpoint, for: claim)
    }

    func saveCheckpoint(_ checkpoint: StoredCheckpoint) throws {
        try session.store.saveCheckpoint(checkpoint, for: claim)
    }

    func reached(epoch: Int) {
        session.reached(epoch: epoch)
    }

    /// Never stops early (a signal ends the worker process); throws once the lease is lost.
    func shouldStop() throws -> Bool {
        if session.isLeaseLost { throw StoreError.leaseLost(trajectory: claim.trajectory.id, owner: claim.worker.name) }
        return false
    }
}
