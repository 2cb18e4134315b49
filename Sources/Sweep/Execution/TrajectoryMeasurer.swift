import Metrics
import Models

/// Computes a trajectory's metrics for a network at one epoch: the network's own
/// loss and accuracy and the encoding properties of its neural codes
/// (``Metrics/EncodingReport``), on the distinct training examples and the test split.
///
/// Metric settings come from the configuration (`knn_k`, `kmeans_n_init`,
/// `logistic_c`, the steps in `metrics`); the metric random stream is seeded
/// with the trajectory's seed, so a measurement is a pure function of the
/// network and the configuration.
struct TrajectoryMeasurer {
    let configuration: TrajectoryConfiguration
    let trainingSet: TrainingSet
    let test: LabeledData

    /// Names of the report's timings, stored apart from the (deterministic) metrics.
    private static let timingNames = Set(MetricStep.allCases.map { MetricName.seconds(of: $0).rawValue }
                                         + [MetricName.metricsSeconds.rawValue])

    init(configuration: TrajectoryConfiguration, trainingSet: TrainingSet, splits: DatasetSplits) {
        self.configuration = configuration
        self.trainingSet = trainingSet
        test = splits.test
    }

    /// The metrics of `model` in ``Metrics/MetricName`` order (timings left out).
    func measure(_ model: MLP) throws -> [(name: String, value: Double)] {
        try measureWithTimings(model).metrics
    }

    /// The metrics of `model` in ``Metrics/MetricName`` order, and the seconds per metric step.
    func measureWithTimings(_ model: MLP) throws -> (metrics: [(name: String, value: Double)], timings: [String: Double]) {
        let report = try EncodingReport.measure(model: model, train: trainingSet, test: test, settings: settings())
        var metrics: [(name: String, value: Double)] = []
        var timings: [String: Double] = [:]
        for (name, value) in report.values {
            if Self.timingNames.contains(name) { timings[name] = value } else { metrics.append((name, value)) }
        }
        return (metrics, timings)
    }

    /// The metric settings of the configuration.
    private func settings() throws -> MetricSettings {
        MetricSettings(knnK: configuration.knnK, kmeansNInit: configuration.kmeansNInit, logisticC: configuration.logisticC,
                       steps: try steps(), seed: UInt64(bitPattern: Int64(configuration.seed)))
    }

    /// The metric steps named by the configuration's `metrics` list (`all`, `none` or step names).
    private func steps() throws -> [MetricStep] {
        let names = configuration.metrics
        if names.contains("all") { return MetricStep.allCases }
        return try names.filter { $0 != "none" }.map { name in
            guard let step = MetricStep(rawValue: name) else {
                throw ExecutionError.invalidConfiguration(
                    trajectory: configuration.contentHash, key: "metrics.run", value: name,
                    allowed: "all, none, " + MetricStep.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return step
        }
    }
}
