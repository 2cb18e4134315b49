/// Settings of the built-in synthetic classification data, as plain values.
///
/// Mirrors the data layer's generator settings (`SyntheticDatasetSettings` in
/// `Models`) with the same defaults: 10 classes, 64 features, 4,000 training and
/// 1,000 test examples, 4 clusters per class in an 8-dimensional latent space,
/// cluster spread 0.5, feature noise 0.1, generator seed 0. The generator seed is
/// separate from the trajectory's seed: every seed of a sweep sees the same data.
public struct SyntheticDataConfiguration: Sendable, Hashable, Codable {
    /// Number of classes (at least 2).
    public var classes: Int = 10
    /// Features per example.
    public var dimension: Int = 64
    /// Size of the official training set, before any holdout.
    public var trainSize: Int = 4000
    /// Size of the test set.
    public var testSize: Int = 1000
    /// Seed of the data generator.
    public var seed: Int = 0
    /// Gaussian clusters per class.
    public var clustersPerClass: Int = 4
    /// Dimension of the latent space holding the clusters.
    public var latentDimension: Int = 8
    /// Standard deviation of each cluster relative to the spread of the centres.
    public var clusterSpread: Double = 0.5
    /// Standard deviation of the noise added to every feature.
    public var featureNoise: Double = 0.1

    /// The defaults.
    public init() {}
}
