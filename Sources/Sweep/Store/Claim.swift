import Foundation

/// A trajectory leased to one worker, with what the worker must do for it.
///
/// The store decides the plan when it hands out the claim (see ``TrajectoryWork``): measured
/// epochs whose metric settings changed are re-measured from their kept checkpoint; training
/// starts from the latest kept checkpoint at or before the first epoch it must reach, or from
/// initialisation, and measures the epochs never measured and re-measures those without a
/// kept checkpoint.
public struct Claim: Sendable {
    /// The trajectory, with the epoch list of the current spec.
    public var trajectory: Trajectory
    /// The worker holding the lease.
    public var worker: WorkerIdentity
    /// Row id of the attempt this claim started.
    public var attemptID: Int64
    /// Hash of the spec current when the claim was made (stored with measurements).
    public var specHash: String
    /// The checkpoint to resume from, or `nil` to start from initialisation.
    public var checkpoint: StoredCheckpoint?
    /// The epochs training must reach and measure, increasing: those without a measurement yet
    /// and those to re-measure without a kept checkpoint (``work``).
    public var epochsToMeasure: [Int]
    /// Everything left to do, re-measurements included.
    public var work: TrajectoryWork
    /// Whether the checkpoint of every measured epoch is kept.
    public var keepsMeasuredCheckpoints: Bool

    /// The epoch training starts from (the checkpoint's, or 0).
    public var startEpoch: Int { checkpoint?.epoch ?? 0 }
}

/// The latest checkpoint of a trajectory as stored.
public struct StoredCheckpoint: Sendable, Equatable {
    /// Epochs trained when it was taken.
    public var epoch: Int
    /// The encoded checkpoint (weights, optimiser state, random streams).
    public var data: Data
    /// Training seconds since the last measurement that the checkpoint carries forward.
    public var unmeasuredSeconds: Double

    /// A checkpoint at `epoch`.
    public init(epoch: Int, data: Data, unmeasuredSeconds: Double) {
        self.epoch = epoch
        self.data = data
        self.unmeasuredSeconds = unmeasuredSeconds
    }
}

/// One measurement as a worker writes it.
public struct MeasurementInput: Sendable {
    /// Epochs trained when it was measured (0 = at initialisation).
    public var epoch: Int
    /// Metric name to value, in the metrics' own order (deterministic numbers only).
    public var metrics: [(name: String, value: Double)]
    /// Seconds spent per metric step, by name (e.g. `knn_seconds`).
    public var timings: [String: Double]
    /// Training seconds since the previous measurement (or since initialisation).
    public var trainSeconds: Double
    /// Seconds spent measuring.
    public var measureSeconds: Double
    /// The fingerprint of the settings of every metric step measured, by step name.
    public var settings: [String: String]
    /// Whether this re-measures some steps of a stored measurement (merged into it) rather
    /// than being the epoch's first measurement.
    public var isRemeasurement: Bool

    /// A measurement at `epoch`.
    public init(epoch: Int, metrics: [(name: String, value: Double)], timings: [String: Double] = [:],
                trainSeconds: Double, measureSeconds: Double, settings: [String: String] = [:], isRemeasurement: Bool = false) {
        self.epoch = epoch
        self.metrics = metrics
        self.timings = timings
        self.trainSeconds = trainSeconds
        self.measureSeconds = measureSeconds
        self.settings = settings
        self.isRemeasurement = isRemeasurement
    }
}
