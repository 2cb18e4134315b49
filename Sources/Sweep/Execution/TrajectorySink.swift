import Foundation

/// Where ``TrajectoryTraining`` writes a trajectory's progress, and how it learns that it
/// should stop early.
///
/// Two stores conform: a worker's claim on the sweep database (`hashsweep run`) and a Slurm
/// array task's shard. The loop calls the sink from its own thread only.
protocol TrajectorySink {
    /// Writes a measurement and the checkpoint taken at the same epoch (none for a
    /// re-measurement from a kept checkpoint), in one transaction.
    func record(_ measurement: MeasurementInput, checkpoint: Data?) throws
    /// Writes a checkpoint between measurements.
    func saveCheckpoint(_ checkpoint: StoredCheckpoint) throws
    /// Told after every trained epoch how many epochs are trained.
    func reached(epoch: Int)
    /// Asked before each epoch of training: whether to checkpoint and stop now.
    ///
    /// Throw instead to abandon the trajectory without writing anything more
    /// (a worker whose lease was taken over does).
    func shouldStop() throws -> Bool
}
