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
        let result = try training.run(from: claim.checkpoint, measuring: claim.epochsToMeasure,
                                      into: ClaimSink(claim: claim, session: session))
        return result.setupSeconds
    }
}

/// Writes a claimed trajectory's progress to the sweep database, checking the lease each time.
private struct ClaimSink: TrajectorySink {
    let claim: Claim
    let session: WorkerSession

    func record(_ measurement: MeasurementInput, checkpoint: Data) throws {
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
