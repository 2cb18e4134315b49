/// When a worker writes a checkpoint between measured epochs.
///
/// A checkpoint is always written with each measurement (same transaction).
/// Between measurements one is written after an epoch once the training time
/// since the last checkpoint reaches `costFactor` times what the last
/// checkpoint cost to encode and write. With the default factor of 500 the
/// extra writes cost at most 0.2% of training time, and an interruption loses
/// at most 500 checkpoint-writes' worth of training plus the epoch in progress:
/// every epoch when an epoch costs 500 checkpoints or more, otherwise every few
/// epochs (about 15 s of training for a width-1,024 MNIST network, whose 6.5 MB
/// checkpoint takes 30 ms; about 0.25 s for tiny networks).
public struct CheckpointPolicy: Sendable {
    /// Training time per second of checkpoint cost before the next checkpoint.
    public var costFactor: Double
    /// Seconds the last checkpoint took to encode and write (`nil` before the first).
    public private(set) var lastCost: Double?

    /// A policy with the given cost factor.
    public init(costFactor: Double = 500) {
        precondition(costFactor > 0, "CheckpointPolicy: costFactor must be positive")
        self.costFactor = costFactor
    }

    /// Whether to checkpoint now, after `secondsSinceCheckpoint` of training.
    public func shouldCheckpoint(secondsSinceCheckpoint: Double) -> Bool {
        // Before any write has been timed, checkpoint after half a minute of training.
        guard let lastCost else { return secondsSinceCheckpoint >= 30 }
        return secondsSinceCheckpoint >= costFactor * lastCost
    }

    /// Records what a checkpoint cost.
    public mutating func recordCost(seconds: Double) { lastCost = seconds }
}
