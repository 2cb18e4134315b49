import Metrics
import Models

/// Computes a trajectory's metrics for a network at one epoch: the network's own
/// loss and accuracy and the encoding properties of its neural codes
/// (``Metrics/EncodingReport``), on the distinct training examples and the test split.
///
/// Metric settings come from the configuration (see
/// ``TrajectoryConfiguration/metricSettings()``); the metric random stream is seeded with the
/// trajectory's seed, and every step is independent of the others, so a measurement of any
/// subset of steps is a pure function of the network and the configuration.
struct TrajectoryMeasurer {
    let configuration: TrajectoryConfiguration
    let trainingSet: TrainingSet
    let test: LabeledData

    /// Names of the report's timings, stored apart from the (deterministic) metrics.
    private static let timingNames = Set(MetricStep.allCases.map { MetricName.seconds(of: $0).rawValue }
                                         + [MetricName.metricsSeconds.rawValue])

    /// With `metrics.examples`, the measurer keeps a fixed seeded subset of the distinct training
    /// examples and of the test split (the same for every epoch of the trajectory).
    init(configuration: TrajectoryConfiguration, trainingSet: TrainingSet, splits: DatasetSplits) {
        self.configuration = configuration
        let seed = UInt64(bitPattern: Int64(configuration.seed))
        if let examples = configuration.metricExamples {
            self.trainingSet = trainingSet.measuredSubset(examples, seed: seed)
            test = splits.test.measuredSubset(examples, seed: seed)
        } else {
            self.trainingSet = trainingSet
            test = splits.test
        }
    }

    /// What one measurement gives: the metrics in ``Metrics/MetricName`` order, the seconds per
    /// metric step, and the fingerprint of every step measured, by step name.
    struct Result {
        var metrics: [(name: String, value: Double)]
        var timings: [String: Double]
        var settings: [String: String]
    }

    /// Measures `model` with every step of the configuration, or only `steps` (of those) when given.
    func measure(_ model: Network, steps: [MetricStep]? = nil) throws -> Result {
        var settings = try configuration.metricSettings()
        if let steps { settings.steps = settings.steps.filter(steps.contains) }
        let report = try EncodingReport.measure(model: model, train: trainingSet, test: test, settings: settings,
                                                codes: configuration.codeSelection)
        var result = Result(metrics: [], timings: [:], settings: settings.fingerprints)
        for (name, value) in report.values {
            if Self.timingNames.contains(name) { result.timings[name] = value } else { result.metrics.append((name, value)) }
        }
        return result
    }
}
