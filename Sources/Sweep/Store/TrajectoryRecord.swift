import Foundation

/// A trajectory as stored: what it is, where it stands, who holds it.
public struct TrajectoryRecord: Sendable, Equatable {
    /// Content hash of the configuration.
    public var id: String
    /// What is trained.
    public var configuration: TrajectoryConfiguration
    /// The swept axes' values (e.g. `width`, `lr`); `epochs` is not among them.
    public var axes: [String: AxisValue]
    /// The seed of every random stream of this trajectory.
    public var seed: Int
    /// Epochs requested by the spec that last included it.
    public var epochs: [Int]
    /// Pending, running, done or failed.
    public var status: TrajectoryStatus
    /// Whether the current spec no longer includes it (kept, left out of charts).
    public var isRetired: Bool
    /// Hash of the last spec that included it.
    public var specHash: String
    /// Attempts started.
    public var attempts: Int
    /// Attempts that failed since the last `retry`.
    public var failures: Int
    /// Latest epoch with a checkpoint, if any.
    public var lastEpoch: Int?
    /// Epoch being trained (as of the holder's last heartbeat), while running.
    public var currentEpoch: Int?
    /// The last failure's message.
    public var lastError: String?
    /// The lease holder's worker name, while running.
    public var leaseOwner: String?
    /// When the lease runs out, while running.
    public var leaseExpiresAt: Date?
    /// Position in the spec's expansion.
    public var ordinal: Int
}

extension TrajectoryRecord {
    /// The stored trajectory: its id, configuration, requested epochs and point.
    public var trajectory: Trajectory {
        Trajectory(id: id, configuration: configuration, epochs: epochs, axes: axes)
    }
}

/// One stored measurement with its trajectory's axes, for charts and exports.
public struct MeasurementRecord: Sendable, Equatable {
    /// The trajectory measured.
    public var trajectoryID: String
    /// The trajectory's swept axes (without `epochs`).
    public var axes: [String: AxisValue]
    /// The trajectory's seed.
    public var seed: Int
    /// Epochs trained when measured (0 = at initialisation).
    public var epoch: Int
    /// The trajectory's status now.
    public var status: TrajectoryStatus
    /// Whether the trajectory is retired from the current spec.
    public var isRetired: Bool
    /// Hash of the spec under which this measurement was taken.
    public var specHash: String
    /// Metric name to value.
    public var metrics: [String: Double]
    /// Seconds per metric step (e.g. `knn_seconds`); not deterministic, unlike ``metrics``.
    public var timings: [String: Double]
    /// Training seconds since the previous measurement of the trajectory.
    public var trainSeconds: Double
    /// Seconds spent computing the metrics.
    public var measureSeconds: Double
    /// When it was written.
    public var recordedAt: Date
}
