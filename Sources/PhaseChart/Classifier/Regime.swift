/// The three regimes of the activation hash phase chart.
public enum Regime: String, Sendable, CaseIterable, Codable {
    /// The hash is still considerably bad and improves significantly with size, time or samples.
    case underExpressive = "under-expressive"
    /// The transition: the hash still changes considerably, but not with a significant improvement.
    case criticallyExpressive = "critically-expressive"
    /// Almost no redundancy, fairly good categorization, and no noticeable change any more.
    case sufficientlyExpressive = "sufficiently-expressive"
}

/// A caveat attached to a cell's label.
public enum RegimeFlag: String, Sendable, CaseIterable, Codable {
    /// The cell (or a neighbour used for a trend) has fewer seeds than `min_seeds`.
    case tooFewSeeds = "too_few_seeds"
    /// A trend was judged by effect size alone because a side had a single seed.
    case effectSizeOnly = "effect_size_only"
    /// A 95% interval of the redundancy or the categorization accuracy contains a threshold.
    case ciStraddlesThreshold = "ci_straddles_threshold"
    /// A trend axis that varies in the grid has no larger value for this cell.
    case edgeOfGrid = "edge_of_grid"

    /// Flags that make a label uncertain (marked in the chart); `edge_of_grid` is visible as the edge.
    public var marksUncertainty: Bool { self != .edgeOfGrid }
}
