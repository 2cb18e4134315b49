import Models

/// Settings of the built-in synthetic classification data, as plain values.
///
/// Mirrors the data layer's generator settings (`SyntheticDatasetSettings` in
/// `Models`) and takes its defaults from there (10 classes, 64 features, 4,000
/// training and 1,000 test examples, 8 clusters per class in an 8-dimensional
/// latent space, cluster spread 0.4, feature noise 0.1, generator seed 0). The generator seed is
/// separate from the trajectory's seed: every seed of a sweep sees the same data.
public struct SyntheticDataConfiguration: Sendable, Hashable, Codable {
    /// Number of classes (at least 2).
    public var classes: Int = Self.defaults.classCount
    /// Features per example.
    public var dimension: Int = Self.defaults.dimension
    /// Size of the official training set, before any holdout.
    public var trainSize: Int = Self.defaults.trainCount
    /// Size of the test set.
    public var testSize: Int = Self.defaults.testCount
    /// Seed of the data generator.
    public var seed: Int = Int(Self.defaults.seed)
    /// Gaussian clusters per class.
    public var clustersPerClass: Int = Self.defaults.clustersPerClass
    /// Dimension of the latent space holding the clusters.
    public var latentDimension: Int = Self.defaults.latentDimension
    /// Standard deviation of each cluster relative to the spread of the centres.
    public var clusterSpread: Double = Self.defaults.clusterSpread
    /// Standard deviation of the noise added to every feature.
    public var featureNoise: Double = Self.defaults.featureNoise

    /// The defaults.
    public init() {}

    private static var defaults: SyntheticDatasetSettings { SyntheticDatasetSettings() }
}
