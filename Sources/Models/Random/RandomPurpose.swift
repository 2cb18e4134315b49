/// What a random stream is used for; each purpose gets an independent stream
/// from the same seed (see ``RandomStream/init(seed:purpose:)``).
public enum RandomPurpose: UInt64, Sendable, CaseIterable {
    /// Initial weights.
    case initialization = 1
    /// Mini-batch order, epoch after epoch.
    case shuffling = 2
    /// Choosing the training subsample.
    case subsampling = 3
    /// Choosing which labels are corrupted and their new classes.
    case labelNoise = 4
    /// The built-in synthetic dataset.
    case syntheticData = 5
    /// Seeding of clustering (k-means++) and other metric steps.
    case metrics = 6
    /// Anything a test needs.
    case testing = 7
    /// Dropout masks (one stream per epoch, see ``Trainer``).
    case dropout = 8
    /// Data augmentation (one stream per epoch, see ``Trainer``).
    case augmentation = 9
}
