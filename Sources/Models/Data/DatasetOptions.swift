/// Which dataset to load and how to prepare it (see ``DatasetLoader/load(_:)``).
///
/// The *holdout* is the tail of the official training set, withheld from
/// training: with `holdoutFraction: 0.2` on MNIST, the training split is the
/// first 48,000 images (the seed paper's reference protocol) and the remaining
/// 12,000 are exposed as ``DatasetSplits/holdout`` (a validation split the
/// caller may use or ignore). The test split is always the official test set.
public struct DatasetOptions: Sendable, Hashable, Codable {
    /// The dataset.
    public var kind: DatasetKind
    /// The folder holding the dataset's files; nil resolves it (see ``DatasetLocation``).
    public var directory: String?
    /// Fraction of the official training set withheld from the end, in `[0, 1)`.
    /// 0 trains on all of it; the reference protocol uses 0.2.
    public var holdoutFraction: Double
    /// Standardise every feature with the training split's mean and standard
    /// deviation (applied to all splits); otherwise features stay in `[0, 1]`
    /// (synthetic data: as generated).
    public var standardize: Bool
    /// Settings of the built-in synthetic data (ignored for other kinds).
    public var synthetic: SyntheticDatasetSettings
    /// Settings of the built-in synthetic images (ignored for other kinds).
    public var syntheticImages: SyntheticImageSettings

    /// Options for `kind`; the defaults train on the whole official training set, unstandardised.
    public init(kind: DatasetKind, directory: String? = nil, holdoutFraction: Double = 0,
                standardize: Bool = false, synthetic: SyntheticDatasetSettings = SyntheticDatasetSettings(),
                syntheticImages: SyntheticImageSettings = SyntheticImageSettings()) {
        self.kind = kind
        self.directory = directory
        self.holdoutFraction = holdoutFraction
        self.standardize = standardize
        self.synthetic = synthetic
        self.syntheticImages = syntheticImages
    }
}

/// The three splits of a loaded dataset.
public struct DatasetSplits: Sendable {
    /// The training split: the official training set minus the holdout.
    public var train: LabeledData
    /// The official test set.
    public var test: LabeledData
    /// The withheld tail of the official training set (empty when the holdout fraction is 0).
    public var holdout: LabeledData
    /// The shape of one example: an image (HWC, see ``TensorShape``) or a vector of features.
    public var inputShape: TensorShape

    /// Groups the splits; all must have the same feature count and classes.
    public init(train: LabeledData, test: LabeledData, holdout: LabeledData, inputShape: TensorShape? = nil) {
        let inputShape = inputShape ?? .vector(train.featureCount)
        precondition(inputShape.count == train.featureCount, "DatasetSplits: the input shape \(inputShape) does not hold \(train.featureCount) features")
        precondition(train.featureCount == test.featureCount && train.featureCount == holdout.featureCount,
                     "DatasetSplits: feature counts differ")
        precondition(train.classCount == test.classCount && train.classCount == holdout.classCount,
                     "DatasetSplits: class counts differ")
        self.train = train
        self.test = test
        self.holdout = holdout
        self.inputShape = inputShape
    }
}
