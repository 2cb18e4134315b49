/// Everything that determines a training run: model, optimiser, batch size and seed.
///
/// Two trainers with equal configurations, fed the same data, produce
/// bit-identical networks on one machine.
public struct TrainingConfiguration: Codable, Hashable, Sendable {
    /// The network.
    public var model: MLPConfiguration
    /// The optimiser, learning-rate schedule and weight decay.
    public var optimizer: OptimizerConfiguration
    /// Examples per mini-batch.
    public var batchSize: Int
    /// Seed of the initialisation and shuffling streams.
    public var seed: UInt64

    /// A training configuration.
    public init(model: MLPConfiguration, optimizer: OptimizerConfiguration, batchSize: Int = 128, seed: UInt64) {
        self.model = model
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.seed = seed
        if let reason = invalidityReason { preconditionFailure("TrainingConfiguration: \(reason)") }
    }
}
