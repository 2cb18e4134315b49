import Foundation

/// A snapshot of a sweep's progress, for `status`, `plan` and the live display.
public struct StatusSummary: Sendable, Equatable {
    /// Trajectories of the current spec by status.
    public var counts: [TrajectoryStatus: Int]
    /// Trajectories no longer in the current spec.
    public var retired: Int
    /// Measurements requested by the current spec.
    public var requestedMeasurements: Int
    /// Of those, measurements stored.
    public var doneMeasurements: Int
    /// Epochs of training the current spec needs (the last requested epoch of each trajectory).
    public var requestedEpochs: Int
    /// Epochs trained so far (up to each trajectory's latest checkpoint).
    public var trainedEpochs: Int
    /// Seconds of training and measuring behind the stored measurements.
    public var computeSeconds: Double
    /// Failed trajectories of the current spec with their last error: the first
    /// `failuresListed` in spec order (``counts`` has how many failed).
    public var failures: [TrajectoryRecord]
    /// Running trajectories with their lease holders and current epochs.
    public var running: [TrajectoryRecord]

    /// How many failures a summary lists by default, so that a sweep with thousands of failures
    /// reports in a moment and a screenful.
    public static let listedFailures = 20

    /// Failed trajectories not in ``failures``.
    public var unlistedFailures: Int { counts[.failed, default: 0] - failures.count }

    /// Trajectories in the current spec.
    public var total: Int { counts.values.reduce(0, +) }
    /// Done trajectories of the current spec.
    public var done: Int { counts[.done, default: 0] }
}
