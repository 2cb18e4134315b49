/// The time a sweep has left: the compute of its work left (``ComputeEstimate``, training from
/// each trajectory's last measured epoch) turned into seconds by a ``CostModel``, at a number of
/// workers. `plan`, `status` and the progress bar of `run` all make it here from the same
/// inputs, so they agree for the same state and `-j`.
public struct SweepTimeEstimate: Sendable, Equatable {
    /// The compute left.
    public var left: ComputeEstimate
    /// The model that turns it into time.
    public var model: CostModel
    /// The workers assumed.
    public var workers: Int

    /// Seconds left at ``workers`` workers.
    public var seconds: Double { model.seconds(for: left, workers: workers) }

    /// "about 4m12s at 2 workers (cost model fitted to 72 stored measurements)".
    public var description: String {
        "about \(ProgressDisplay.duration(seconds)) at \(workers) worker\(workers == 1 ? "" : "s") (\(model.sourceDescription))"
    }

    /// The estimate for `trajectories` given the stored measurement times, by trajectory id; the
    /// model is fitted to those times, or comes from `calibration` where they are not enough.
    public static func make(trajectories: some Sequence<Trajectory>, stored: [String: [MeasurementTime]], workers: Int,
                            calibration: () throws -> CostModel?) rethrows -> SweepTimeEstimate? {
        var work = Work()
        for trajectory in trajectories {
            work.add(trajectory.configuration, epochs: trajectory.epochs, stored: stored[trajectory.id] ?? [])
        }
        return try work.estimate(workers: workers, calibration: calibration)
    }

    /// The sums behind an estimate, trajectory by trajectory (for callers that make one pass).
    public struct Work: Sendable {
        /// The compute of every trajectory added, from scratch to its last epoch.
        public private(set) var total = ComputeEstimate(trainingFLOPs: 0, measurementFLOPs: 0)
        /// The compute left.
        public private(set) var left = ComputeEstimate(trainingFLOPs: 0, measurementFLOPs: 0)
        private var done = ComputeEstimate(trainingFLOPs: 0, measurementFLOPs: 0)
        private var trainingSeconds = 0.0, measuringSeconds = 0.0, measurements = 0

        public init() {}

        /// Adds a trajectory measured at `epochs` whose stored measurements took `stored`.
        public mutating func add(_ configuration: TrajectoryConfiguration, epochs: [Int], stored: [MeasurementTime]) {
            let all = ComputeEstimate(configuration: configuration, epochs: epochs, after: nil)
            total = total + all
            guard !stored.isEmpty else {
                left = left + all
                return
            }
            let measured = Set(stored.map(\.epoch))
            let resumable = epochs.prefix { measured.contains($0) }.last
            left = left + ComputeEstimate(configuration: configuration, epochs: epochs, after: resumable)
            done = done + ComputeEstimate(configuration: configuration, epochs: measured.sorted(), after: nil)
            trainingSeconds += stored.reduce(0) { $0 + $1.trainSeconds }
            measuringSeconds += stored.reduce(0) { $0 + $1.measureSeconds }
            measurements += stored.count
        }

        /// The estimate at `workers` workers: with the model fitted to the stored times, else
        /// `calibration`'s; `nil` when there is neither.
        public func estimate(workers: Int, calibration: () throws -> CostModel?) rethrows -> SweepTimeEstimate? {
            let fitted = CostModel.fitted(training: done.trainingFLOPs, trainingSeconds: trainingSeconds,
                                          measuring: done.measurementFLOPs, measuringSeconds: measuringSeconds,
                                          measurements: measurements)
            guard let model = try fitted ?? calibration() else { return nil }
            return SweepTimeEstimate(left: left, model: model, workers: max(1, workers))
        }
    }
}

/// The seconds behind one stored measurement.
public struct MeasurementTime: Sendable, Equatable {
    public var epoch: Int
    /// Training since the measurement before.
    public var trainSeconds: Double
    /// Computing the codes and metrics.
    public var measureSeconds: Double

    public init(epoch: Int, trainSeconds: Double, measureSeconds: Double) {
        self.epoch = epoch
        self.trainSeconds = trainSeconds
        self.measureSeconds = measureSeconds
    }
}
