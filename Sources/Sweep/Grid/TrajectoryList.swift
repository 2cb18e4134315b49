/// The trajectories of a spec, made on access from its grid: it keeps 16 bytes a point
/// (the point's ordinal in the grid and its id), so that a grid of a million points is
/// checked and planned in a few seconds and a few tens of megabytes.
///
/// Reading element `i` applies the point's axis values to the base configuration and
/// normalises it (about a microsecond); code that reads the trajectories many times may
/// keep `Array(list)`.
public struct TrajectoryList: RandomAccessCollection, Sendable {
    private let points: GridPoints
    private let epochs: [Int]
    /// The grid ordinal of each trajectory, increasing.
    private let ordinals: [Int]
    /// Each trajectory's ``TrajectoryConfiguration/contentDigest``.
    private let digests: [UInt64]

    init(points: GridPoints, epochs: [Int], ordinals: [Int], digests: [UInt64]) {
        precondition(ordinals.count == digests.count, "TrajectoryList: one digest per ordinal")
        self.points = points
        self.epochs = epochs
        self.ordinals = ordinals
        self.digests = digests
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ordinals.count }

    public subscript(position: Int) -> Trajectory {
        let steps = points.steps(of: ordinals[position])
        return Trajectory(id: TrajectoryConfiguration.idText(digests[position]), configuration: points.configuration(at: steps),
                          epochs: epochs, axes: points.axes(at: steps))
    }

    /// The configurations, in order, made on access without the ids and axis values.
    public var configurations: LazyMapSequence<[Int], TrajectoryConfiguration> {
        ordinals.lazy.map { [points] ordinal in points.configuration(at: points.steps(of: ordinal)) }
    }

    /// The compute of every trajectory from scratch to its last epoch.
    public var computeEstimate: ComputeEstimate {
        configurations.reduce(ComputeEstimate(trainingFLOPs: 0, measurementFLOPs: 0)) { [epochs] total, configuration in
            total + ComputeEstimate(configuration: configuration, epochs: epochs, after: nil)
        }
    }

    /// The ids, in order, without making the trajectories.
    public var ids: [String] { digests.map(TrajectoryConfiguration.idText) }

    /// The number of measurements requested: trajectories times epochs.
    public var measurementCount: Int { ordinals.count * epochs.count }
}
