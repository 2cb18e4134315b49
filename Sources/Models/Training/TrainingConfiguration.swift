/// Everything that determines a training run: model, optimiser, batch size, seed and augmentation.
///
/// Two trainers with equal configurations, fed the same data, produce
/// bit-identical networks on one machine.
public struct TrainingConfiguration: Codable, Hashable, Sendable {
    /// The network.
    public var model: NetworkDescription
    /// The optimiser, learning-rate schedule and weight decay.
    public var optimizer: OptimizerConfiguration
    /// Examples per mini-batch.
    public var batchSize: Int
    /// Seed of the initialisation, shuffling, dropout and augmentation streams.
    public var seed: UInt64
    /// Random transformations of each training image, drawn afresh every epoch.
    public var augmentation: Augmentation

    /// A training configuration.
    public init(model: NetworkDescription, optimizer: OptimizerConfiguration, batchSize: Int = 128, seed: UInt64,
                augmentation: Augmentation = .none) {
        self.model = model
        self.augmentation = augmentation
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.seed = seed
        if let reason = invalidityReason { preconditionFailure("TrainingConfiguration: \(reason)") }
    }

    /// A training configuration for an MLP.
    public init(model: MLPConfiguration, optimizer: OptimizerConfiguration, batchSize: Int = 128, seed: UInt64,
                augmentation: Augmentation = .none) {
        self.init(model: model.network, optimizer: optimizer, batchSize: batchSize, seed: seed, augmentation: augmentation)
    }
}
