/// The spec's `phase:` section: which axes the phase chart uses and every
/// threshold of the regime classifier. Each field has a documented default;
/// all of them are written into the chart's outputs.
///
/// YAML keys are the snake_case forms of the field names (`x`, `y`, `facet`,
/// `redundancy_metric`, `categorization_metric`, `redundancy_low`, ...).
/// The rule that uses them is documented in `docs/phase-chart.md`.
public struct PhaseSettings: Sendable, Equatable, Codable {
    /// Axis along the chart's horizontal direction (default `width`).
    public var x: String = "width"
    /// Axis along the chart's vertical direction (default `epochs`).
    public var y: String = "epochs"
    /// Axis for small multiples, if any.
    public var facet: String? = nil
    /// Metric used as the redundancy ratio (default `redundancy_train`).
    public var redundancyMetric: String = "redundancy_train"
    /// Metric used as the categorization accuracy (default `knn_test_accuracy`).
    public var categorizationMetric: String = "knn_test_accuracy"
    /// Redundancy ratio at or below which the hash counts as almost deterministic.
    public var redundancyLow: Double = 0.05
    /// Redundancy ratio at or above which the hash counts as considerably redundant.
    public var redundancyHigh: Double = 0.2
    /// Accuracy ceiling; `nil` means the best cell mean in the sweep.
    public var accuracyCeiling: Double? = nil
    /// Gap below the ceiling within which categorization counts as fairly good.
    public var accuracyGapLow: Double = 0.03
    /// Gap below the ceiling beyond which categorization counts as considerably worse.
    public var accuracyGapHigh: Double = 0.10
    /// Smallest change toward the next larger axis value that counts as noticeable.
    public var trendEffect: Double = 0.02
    /// Significance level of the trend tests.
    public var alpha: Double = 0.05
    /// Fewest seeds per cell for a trend test; fewer are flagged.
    public var minSeeds: Int = 3
    /// Axes along which trends are tested (model size, training time, sample size).
    public var trendAxes: [String] = ["width", "depth", "epochs", "samples"]

    /// The defaults.
    public init() {}
}
