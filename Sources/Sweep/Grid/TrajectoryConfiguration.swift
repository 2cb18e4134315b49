/// Everything that determines one training trajectory, except the epochs at
/// which it is measured.
///
/// A trajectory's identity is the content hash of this value in canonical JSON
/// (see ``Trajectory/id``): two spec points with equal configurations are the
/// same trajectory, whatever their epoch lists. Fields are plain values so the
/// sweep layer does not depend on the training types; the worker maps them to
/// `Models` configurations.
public struct TrajectoryConfiguration: Sendable, Hashable, Codable {
    // Data
    /// Dataset name: `mnist`, `fashion-mnist`, `cifar10`, `synthetic` or `synthetic-images`.
    public var dataset: String = "synthetic"
    /// Explicit dataset folder, if the spec gives one.
    public var datasetPath: String? = nil
    /// Generator settings when `dataset` is `synthetic`; `nil` for the file-based datasets.
    public var synthetic: SyntheticDataConfiguration? = nil
    /// Generator settings when `dataset` is `synthetic-images`; `nil` otherwise.
    public var images: SyntheticImageConfiguration? = nil
    /// Fraction of the official training set held out (not trained on).
    public var holdout: Double = 0
    /// How the training subsample is drawn: `first` or `stratified`.
    public var subsample: String = "first"
    /// Whether a subsample of n is tiled floor(N / n) times per epoch.
    public var tile: Bool = false
    /// Whether features are standardised (per-feature mean and deviation).
    public var standardize: Bool = false
    /// Training examples used; `nil` means all of them.
    public var samples: Int? = nil
    /// Fraction of training labels replaced by another class.
    public var labelNoise: Double = 0

    // Model
    /// The network family (see `ModelFamilies`); `nil` is the MLP, whose fields follow.
    public var family: String? = nil
    /// The family's variant, e.g. `vgg16` (families other than the MLP).
    public var variant: String? = nil
    /// Scales every channel count and fully connected width (families other than the MLP).
    public var widthMultiplier: Double? = nil
    /// Dropout rate of the fully connected layers (VGG).
    public var dropout: Double? = nil
    /// Width of each hidden layer.
    public var width: Int = 100
    /// Number of hidden layers.
    public var depth: Int = 1
    /// `relu` or `leaky_relu`.
    public var activation: String = "relu"
    /// Negative slope of LeakyReLU.
    public var leakySlope: Double = 0.01
    /// Whether hidden layers have BatchNorm.
    public var batchnorm: Bool = false
    /// BatchNorm running-average momentum (Keras convention).
    public var batchnormMomentum: Double = 0.99
    /// BatchNorm epsilon.
    public var batchnormEpsilon: Double = 1e-3
    /// `glorot_uniform` or `he_uniform`.
    public var initializer: String = "glorot_uniform"

    // Training
    /// `sgd` or `adam`.
    public var optimizer: String = "sgd"
    /// Base learning rate.
    public var lr: Double = 0.01
    /// SGD momentum.
    public var momentum: Double = 0.9
    /// Nesterov momentum for SGD.
    public var nesterov: Bool = false
    /// Adam's beta1.
    public var beta1: Double = 0.9
    /// Adam's beta2.
    public var beta2: Double = 0.999
    /// Adam's epsilon.
    public var adamEpsilon: Double = 1e-8
    /// Mini-batch size.
    public var batchSize: Int = 128
    /// `constant` or `step`.
    public var schedule: String = "constant"
    /// Step schedule: epochs between decays.
    public var stepEvery: Int = 20
    /// Step schedule: multiplier at each decay.
    public var stepGamma: Double = 0.1
    /// Weight decay strength.
    public var weightDecay: Double = 0
    /// `l2` (coupled, added to the gradient) or `decoupled` (AdamW style).
    public var weightDecayMode: String = "l2"
    /// `weights` (weight matrices only) or `all` parameters.
    public var weightDecayScope: String = "weights"
    /// Seed of every random stream of this trajectory.
    public var seed: Int = 0
    /// Random shifts, flips and rotations of the training images, drawn per epoch; `nil` for none.
    public var augment: AugmentConfiguration? = nil

    // Metrics: how the codes are measured, not part of identity (see ``canonicalJSON``).
    /// K of the K-NN classifier on codes.
    public var knnK: Int = 9
    /// K-Means restarts.
    public var kmeansNInit: Int = 10
    /// Inverse L2 strength of the logistic regression on codes.
    public var logisticC: Double = 1
    /// Metric steps to measure: `["all"]`, or a sorted subset of `redundancy`, `knn`,
    /// `kmeans`, `logistic` (the network's own loss and accuracy are always measured).
    public var metrics: [String] = ["all"]
    /// Which blocks' bits make up the codes: `all` (nil), `conv`, `fc` or layer names joined by commas.
    public var codes: String? = nil
    /// Measure on a fixed seeded subset of this many training and test examples (`nil`: all).
    public var metricExamples: Int? = nil

    /// The defaults.
    public init() {}
}

/// Random transformations of training images (`train.augment`), as plain values.
public struct AugmentConfiguration: Sendable, Hashable, Codable {
    /// The largest shift, as a fraction of the image size.
    public var shift: Double = 0
    /// Horizontal flips with probability 1/2.
    public var flip: Bool = false
    /// The largest rotation in degrees.
    public var rotate: Double = 0

    /// No augmentation.
    public init() {}
}

/// Settings of the built-in synthetic images (`dataset.images`), as plain values; defaults from
/// `SyntheticImageSettings` (10 classes of 1x28x28, 4,000 + 1,000 images, noise 0.15, seed 0).
public struct SyntheticImageConfiguration: Sendable, Hashable, Codable {
    public var classes: Int = 10
    public var channels: Int = 1
    public var side: Int = 28
    public var trainSize: Int = 4000
    public var testSize: Int = 1000
    public var seed: Int = 0
    public var noise: Double = 0.15

    /// The defaults.
    public init() {}
}
