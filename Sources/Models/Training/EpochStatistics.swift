/// What one training epoch measured along the way.
public struct EpochStatistics: Sendable, Equatable {
    /// The number of completed epochs after this one (1 for the first).
    public var epoch: Int
    /// Mean softmax cross-entropy over the epoch's examples, each measured in
    /// training mode on its mini-batch just before that batch's update.
    public var loss: Double
    /// Fraction of the epoch's examples whose training-mode prediction (before
    /// the batch's update) matched the label trained on (noisy where label noise is set).
    public var accuracy: Double
    /// The learning rate used in this epoch.
    public var learningRate: Float
    /// Number of examples seen (the training set's size).
    public var exampleCount: Int
    /// Number of optimiser steps taken.
    public var batchCount: Int
}
