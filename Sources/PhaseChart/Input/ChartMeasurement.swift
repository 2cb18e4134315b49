import Sweep

/// One measurement of one trajectory at one epoch: the chart's only input.
///
/// PhaseChart knows nothing of how it was produced; ``SweepStoreReader`` builds these from a
/// sweep database, tests build them by hand.
public struct ChartMeasurement: Sendable, Hashable {
    /// The trajectory's content hash.
    public var trajectoryID: String
    /// Swept axes of the trajectory by name (`width`, `lr`, ...). A `seed` or `epochs` entry, if
    /// present, is ignored: ``seed`` and ``epoch`` are authoritative.
    public var axes: [String: AxisValue]
    /// The trajectory's seed.
    public var seed: Int
    /// The epoch at which it was measured; it is the value of the `epochs` axis.
    public var epoch: Int
    /// The trajectory's status in the store (`done`, `running`, `failed`, ...).
    public var status: String
    /// Hash of the spec the trajectory was expanded from.
    public var specHash: String
    /// Metric values by snake_case name (an open set).
    public var metrics: [String: Double]

    /// A record.
    public init(trajectoryID: String, axes: [String: AxisValue], seed: Int, epoch: Int,
                status: String, specHash: String, metrics: [String: Double]) {
        self.trajectoryID = trajectoryID
        self.axes = axes
        self.seed = seed
        self.epoch = epoch
        self.status = status
        self.specHash = specHash
        self.metrics = metrics
    }

    /// The record's cell coordinates: its axes without `seed`, with `epochs` set to ``epoch``.
    public var cellCoordinates: [String: AxisValue] {
        var coordinates = axes
        coordinates[AxisNames.seed] = nil
        coordinates[AxisNames.epochs] = .int(epoch)
        return coordinates
    }
}

/// Axis names with a meaning of their own to the chart.
public enum AxisNames {
    /// The seed: aggregated over, never a cell axis.
    public static let seed = "seed"
    /// Training time: the measurement epoch.
    public static let epochs = "epochs"
}
