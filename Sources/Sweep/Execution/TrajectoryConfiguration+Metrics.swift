import Metrics

extension TrajectoryConfiguration {
    /// The metric settings of the configuration (`knn_k`, `kmeans_n_init`, `logistic_c`, the steps
    /// in `metrics`), with the metric random stream seeded by the trajectory's seed.
    public func metricSettings() throws -> MetricSettings {
        MetricSettings(knnK: knnK, kmeansNInit: kmeansNInit, logisticC: logisticC,
                       steps: try metricSteps(), seed: UInt64(bitPattern: Int64(seed)), codes: codes ?? "all", examples: metricExamples)
    }

    /// The metric steps named by `metrics` (`all`, `none` or step names), in canonical order.
    func metricSteps() throws -> [MetricStep] {
        if metrics.contains("all") { return MetricStep.allCases }
        return try metrics.filter { $0 != "none" }.map { name in
            guard let step = MetricStep(rawValue: name) else {
                throw ExecutionError.invalidConfiguration(
                    trajectory: contentHash, key: "metrics.run", value: name,
                    allowed: "all, none, " + MetricStep.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return step
        }
    }
}
