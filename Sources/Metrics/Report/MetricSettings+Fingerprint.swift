extension MetricStep {
    /// The version of the step's algorithm: bumped whenever a fix changes the numbers it gives
    /// for the same codes and settings, so that stored measurements of the old version are
    /// re-measured (see ``MetricSettings/fingerprint(of:)``), and
    /// bumped too when a step gains an output, so that stored measurements get it.
    ///
    /// Logistic regression is at 2: version 2 adds `logistic_converged`.
    public var algorithmVersion: Int {
        switch self {
        case .redundancy, .knn, .kmeans: 1
        case .logistic: 2
        }
    }
}

extension MetricSettings {
    /// What determines the numbers of `step`, as one line: the step, its algorithm version and
    /// the settings it reads (e.g. `knn v1 k=9`).
    ///
    /// Two measurements of a step with equal fingerprints on the same network are equal, so a
    /// sweep compares fingerprints to decide what to re-measure after a metric setting changed.
    /// `version` is the algorithm's (the current one by default).
    public func fingerprint(of step: MetricStep, version: Int? = nil) -> String {
        let settings: String
        switch step {
        case .redundancy: settings = ""
        case .knn: settings = " k=\(knnK)"
        case .kmeans: settings = " n_init=\(kmeansNInit) max_iterations=\(kmeansMaxIterations) seed=\(seed)"
        case .logistic: settings = " c=\(logisticC) tolerance=\(logisticTolerance) max_iterations=\(logisticMaxIterations)"
        }
        let layers = (codes == "all" ? "" : " codes=\(codes)") + (examples.map { " examples=\($0)" } ?? "")
        return "\(step.rawValue) v\(version ?? step.algorithmVersion)\(settings)\(layers)"
    }

    /// The fingerprint of every step that runs, by step name.
    public var fingerprints: [String: String] {
        Dictionary(uniqueKeysWithValues: steps.map { ($0.rawValue, fingerprint(of: $0)) })
    }
}
