/// Rough floating-point work of trajectories, for `hashsweep plan` and ETAs.
///
/// Training costs 6 x multiply-adds x examples per epoch x epochs (forward 2, backward 4
/// operations per multiply-add of the forward pass; for an MLP the multiply-adds are its
/// weights, for a convolutional network each weight is used at every pixel it slides over). Each measurement costs a forward pass
/// over the training subsample and the test set, plus the metric steps it runs,
/// counted as operations on the codes (bits: the code length, width x depth for an MLP):
/// K-NN 2 x test x train x words + the same for leave-one-out on train (64-bit
/// XOR-popcount words); K-Means `kmeansNInit` x 20 Lloyd iterations x 2 x
/// n x classes x bits on train and on test; logistic regression 100 iterations
/// x 4 x train x bits x classes. The metric part is an order-of-magnitude guide,
/// not a prediction; convert to time with a throughput measured on the machine.
public struct ComputeEstimate: Sendable, Hashable {
    /// Operations spent training.
    public var trainingFLOPs: Double
    /// Operations spent measuring (codes and metrics).
    public var measurementFLOPs: Double

    /// Training plus measuring.
    public var totalFLOPs: Double { trainingFLOPs + measurementFLOPs }

    /// An estimate made of its parts.
    public init(trainingFLOPs: Double, measurementFLOPs: Double) {
        self.trainingFLOPs = trainingFLOPs
        self.measurementFLOPs = measurementFLOPs
    }

    /// The work of `trajectory` from scratch to its last epoch.
    public init(trajectory: Trajectory) {
        self.init(configuration: trajectory.configuration, epochs: trajectory.epochs, after: nil)
    }

    /// The work still to do when `after` is the last epoch measured (`nil`: nothing done yet):
    /// training from epoch `after` to the last of `epochs`, and the measurements after `after`.
    public init(configuration: TrajectoryConfiguration, epochs: [Int], after: Int?) {
        let facts = DatasetFacts(of: configuration)
        let size = NetworkSize(of: configuration)
        let multiplyAdds = Double(size.multiplyAdds)
        let available = facts.trainingExamples(holdout: configuration.holdout)
        let subsample = min(configuration.samples ?? available, available)
        let perEpoch = configuration.tile && configuration.samples != nil ? (available / subsample) * subsample : subsample
        let first = max(after ?? 0, 0)
        let last = epochs.last ?? 0
        trainingFLOPs = 6 * multiplyAdds * Double(perEpoch) * Double(max(last - first, 0))

        let pending = epochs.filter { $0 > (after ?? -1) }.count
        let measured = configuration.metricExamples ?? Int.max
        let train = Double(min(subsample, measured)), test = Double(min(facts.testSize, measured)), classes = Double(facts.classes)
        let bits = Double(size.codeLength)
        let words = (bits / 64).rounded(.up)
        var perMeasurement = 2 * multiplyAdds * (train + test)
        if configuration.measures("knn") { perMeasurement += 2 * words * (test * train + train * train) }
        if configuration.measures("kmeans") {
            perMeasurement += Double(configuration.kmeansNInit) * 20 * 2 * (train + test) * classes * bits
        }
        if configuration.measures("logistic") { perMeasurement += 100 * 4 * train * bits * classes }
        measurementFLOPs = perMeasurement * Double(pending)
    }

    /// The sum over trajectories, each from scratch.
    public init(trajectories: some Sequence<Trajectory>) {
        self = trajectories.reduce(ComputeEstimate(trainingFLOPs: 0, measurementFLOPs: 0)) { $0 + ComputeEstimate(trajectory: $1) }
    }

    /// Adds two estimates part by part.
    public static func + (lhs: ComputeEstimate, rhs: ComputeEstimate) -> ComputeEstimate {
        ComputeEstimate(trainingFLOPs: lhs.trainingFLOPs + rhs.trainingFLOPs,
                        measurementFLOPs: lhs.measurementFLOPs + rhs.measurementFLOPs)
    }

    /// Weights, biases and BatchNorm scales and shifts of the configuration's network.
    public static func parameterCount(of configuration: TrajectoryConfiguration) -> Int {
        NetworkSize(of: configuration).parameters
    }

    /// Weights, biases and BatchNorm scales and shifts of the configuration's MLP.
    static func mlpParameterCount(of configuration: TrajectoryConfiguration) -> Int {
        let facts = DatasetFacts(of: configuration)
        let width = configuration.width
        let perNorm = configuration.batchnorm ? 2 * width : 0
        let firstLayer = facts.inputDimension * width + width + perNorm
        let hiddenLayer = width * width + width + perNorm
        let output = width * facts.classes + facts.classes
        return firstLayer + (configuration.depth - 1) * hiddenLayer + output
    }
}
