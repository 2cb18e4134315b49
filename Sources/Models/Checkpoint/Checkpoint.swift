/// A snapshot of a ``Trainer``: configuration, weights, BatchNorm statistics,
/// optimiser state, shuffling-stream state and epoch.
///
/// `Trainer(checkpoint:)` continues bit-identically to the trainer that made
/// it. ``encoded()`` and ``init(decoding:)`` (in `Checkpoint+Encoding.swift`)
/// turn it into self-checking bytes for storage.
public struct Checkpoint: Sendable, Equatable {
    /// The configuration the training belongs to.
    public var configuration: TrainingConfiguration
    /// Number of completed epochs.
    public var epoch: Int
    /// The network: parameters and BatchNorm running statistics.
    public var model: Network
    /// Optimiser moments and step count.
    public var optimizerState: OptimizerState
    /// The shuffling stream, positioned for the next epoch.
    public var shuffling: RandomStream

    /// A checkpoint from its parts; they must fit the configuration.
    public init(configuration: TrainingConfiguration, epoch: Int, model: Network,
                optimizerState: OptimizerState, shuffling: RandomStream) {
        precondition(epoch >= 0, "Checkpoint: negative epoch")
        precondition(model.description == configuration.model, "Checkpoint: the model does not match the configuration")
        precondition(optimizerState.matches(algorithm: configuration.optimizer.algorithm,
                                            parameterCount: model.layout.parameterCount),
                     "Checkpoint: the optimiser state does not match the configuration")
        self.configuration = configuration
        self.epoch = epoch
        self.model = model
        self.optimizerState = optimizerState
        self.shuffling = shuffling
    }
}
