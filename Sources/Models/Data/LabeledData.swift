/// Examples as rows of a feature matrix, with one integer label each.
public struct LabeledData: Sendable, Equatable {
    /// `count x featureCount` features, row-major.
    public var features: Matrix
    /// One label in `0..<classCount` per row.
    public var labels: [Int32]
    /// Number of classes.
    public var classCount: Int

    /// Pairs features with labels; shapes and label ranges are checked.
    public init(features: Matrix, labels: [Int32], classCount: Int) {
        precondition(features.rows == labels.count,
                     "LabeledData: \(features.rows) feature rows but \(labels.count) labels")
        precondition(classCount > 0, "LabeledData: classCount must be positive")
        precondition(labels.allSatisfy { $0 >= 0 && Int($0) < classCount },
                     "LabeledData: labels must lie in 0..<\(classCount)")
        self.features = features
        self.labels = labels
        self.classCount = classCount
    }

    /// Number of examples.
    public var count: Int { labels.count }
    /// Number of features per example.
    public var featureCount: Int { features.columns }
}

/// The examples a network is trained on: features, the labels it learns from
/// (noisy where label noise is set) and the clean labels they came from.
public struct TrainingSet: Sendable, Equatable {
    /// `count x featureCount` features, row-major.
    public var features: Matrix
    /// Labels the network is trained on (noisy where label noise is set).
    public var labels: [Int32]
    /// The true labels of the same rows.
    public var cleanLabels: [Int32]
    /// Number of classes.
    public var classCount: Int
    /// Number of distinct examples: rows `0..<distinctCount`. Equal to ``count``
    /// unless the set is tiled, in which case the rows repeat those first ones
    /// `count / distinctCount` times (measure codes on the distinct rows).
    public var distinctCount: Int

    /// A training set; `labels` and `cleanLabels` must have one entry per row.
    /// `distinctCount` (default: every row) must divide the row count.
    public init(features: Matrix, labels: [Int32], cleanLabels: [Int32], classCount: Int, distinctCount: Int? = nil) {
        precondition(features.rows == labels.count && labels.count == cleanLabels.count,
                     "TrainingSet: row and label counts differ")
        precondition(classCount > 0, "TrainingSet: classCount must be positive")
        let distinct = distinctCount ?? labels.count
        precondition(distinct >= 0 && distinct <= labels.count && (distinct == 0 ? labels.isEmpty : labels.count % distinct == 0),
                     "TrainingSet: \(labels.count) rows are not whole copies of \(distinct) distinct examples")
        self.features = features
        self.labels = labels
        self.cleanLabels = cleanLabels
        self.classCount = classCount
        self.distinctCount = distinct
    }

    /// A training set without label noise.
    public init(_ data: LabeledData) {
        self.init(features: data.features, labels: data.labels, cleanLabels: data.labels, classCount: data.classCount)
    }

    /// Number of examples.
    public var count: Int { labels.count }
    /// Number of features per example.
    public var featureCount: Int { features.columns }
}
