import Sweep

/// One cell of the chart: a point of the grid without its seed, at one epoch, summarised over seeds.
public struct Cell: Sendable, Equatable {
    /// Axis values of the cell, `epochs` included, `seed` excluded.
    public var coordinates: [String: AxisValue]
    /// Number of measurements (seeds) in the cell.
    public var n: Int
    /// The seeds measured, ascending.
    public var seeds: [Int]
    /// Summary of each metric over the seeds, by metric name.
    public var metrics: [String: MetricSummary]

    /// A cell.
    public init(coordinates: [String: AxisValue], n: Int, seeds: [Int], metrics: [String: MetricSummary]) {
        self.coordinates = coordinates
        self.n = n
        self.seeds = seeds
        self.metrics = metrics
    }
}
