/// Trains a ``Network`` with mini-batch gradient descent, epoch by epoch.
///
/// A trainer owns the network, the optimiser state, the shuffling stream and
/// the epoch counter; everything needed to continue is in ``checkpoint()``, and
/// ``init(checkpoint:)`` continues bit-identically. Dropout masks and augmentations come from
/// streams derived from the seed and the epoch, so they need no state of their own. It does not own the data:
/// pass the same ``TrainingSet`` to every ``trainEpoch(on:)``.
///
/// ```swift
/// var trainer = Trainer(configuration: configuration)
/// for _ in 0..<10 { let statistics = trainer.trainEpoch(on: trainingSet) }
/// let codes = trainer.model.codes(for: testSet.features)
/// ```
public struct Trainer: Sendable {
    /// What is being trained and how.
    public let configuration: TrainingConfiguration
    /// The network in its current state.
    public private(set) var model: Network
    /// The optimiser's moments and step count.
    public private(set) var optimizerState: OptimizerState
    /// The stream that orders each epoch's examples.
    public private(set) var shuffling: RandomStream
    /// Number of completed epochs.
    public private(set) var epoch: Int

    private let workspace: NetworkWorkspace
    private var scratch: [Float]
    private var batchLabels: [Int32]
    private let decaySegments: [OptimizerState.DecaySegment]

    /// A trainer with a freshly initialised network (initialisation and
    /// shuffling streams derived from `configuration.seed`), at epoch 0.
    public init(configuration: TrainingConfiguration) {
        let model = Network(description: configuration.model, seed: configuration.seed)
        self.init(configuration: configuration, model: model,
                  optimizerState: OptimizerState(algorithm: configuration.optimizer.algorithm,
                                                 parameterCount: model.layout.parameterCount),
                  shuffling: RandomStream(seed: configuration.seed, purpose: .shuffling), epoch: 0)
    }

    /// A trainer continuing exactly where the checkpoint's trainer stopped.
    public init(checkpoint: Checkpoint) {
        self.init(configuration: checkpoint.configuration, model: checkpoint.model,
                  optimizerState: checkpoint.optimizerState, shuffling: checkpoint.shuffling, epoch: checkpoint.epoch)
    }

    private init(configuration: TrainingConfiguration, model: Network, optimizerState: OptimizerState,
                 shuffling: RandomStream, epoch: Int) {
        precondition(model.description == configuration.model, "Trainer: the model does not match the configuration")
        precondition(optimizerState.matches(algorithm: configuration.optimizer.algorithm,
                                            parameterCount: model.layout.parameterCount),
                     "Trainer: the optimiser state does not match the configuration")
        BLAS.configureSingleThreaded()
        self.configuration = configuration
        self.model = model
        self.optimizerState = optimizerState
        self.shuffling = shuffling
        self.epoch = epoch
        workspace = NetworkWorkspace(plan: model.plan, capacity: configuration.batchSize, training: true)
        // One image more than the workspace: the augmentation's spare buffer.
        scratch = [Float](repeating: 0, count: workspace.count + configuration.model.inputCount)
        batchLabels = [Int32](repeating: 0, count: configuration.batchSize)
        decaySegments = OptimizerState.decaySegments(layout: model.layout, weightDecay: configuration.optimizer.weightDecay)
    }

    /// Everything needed to continue this training later, bit for bit.
    public func checkpoint() -> Checkpoint {
        Checkpoint(configuration: configuration, epoch: epoch, model: model,
                   optimizerState: optimizerState, shuffling: shuffling)
    }

    /// The learning rate the next epoch will use.
    public var currentLearningRate: Float {
        configuration.optimizer.schedule.learningRate(base: configuration.optimizer.learningRate, epoch: epoch)
    }

    /// Trains one epoch: a fresh random order of all examples, cut into
    /// mini-batches of ``TrainingConfiguration/batchSize``; the last batch holds
    /// the remaining `count % batchSize` examples when that is not zero (it is
    /// used, not dropped, and its gradient is its own mean, as in PyTorch's
    /// default `DataLoader`).
    public mutating func trainEpoch(on data: TrainingSet) -> EpochStatistics {
        precondition(data.featureCount == configuration.model.inputCount,
                     "Trainer: data has \(data.featureCount) features, the network expects \(configuration.model.inputCount)")
        precondition(data.classCount == configuration.model.classCount,
                     "Trainer: data has \(data.classCount) classes, the network expects \(configuration.model.classCount)")
        precondition(data.count > 0, "Trainer: empty training set")
        let learningRate = currentLearningRate
        let order = shuffling.permutation(of: data.count)
        var streams = EpochStreams(dropout: RandomStream(seed: configuration.seed, purpose: .dropout, epoch: epoch),
                                   augmentation: RandomStream(seed: configuration.seed, purpose: .augmentation, epoch: epoch))
        let batchSize = configuration.batchSize
        var lossSum = 0.0, correct = 0, batches = 0
        var start = 0
        while start < order.count {
            let end = min(start + batchSize, order.count)
            let result = trainBatch(order[start..<end], data: data, learningRate: learningRate, streams: &streams)
            lossSum += result.lossSum
            correct += result.correct
            batches += 1
            start = end
        }
        epoch += 1
        return EpochStatistics(epoch: epoch, loss: lossSum / Double(data.count),
                               accuracy: Double(correct) / Double(data.count), learningRate: learningRate,
                               exampleCount: data.count, batchCount: batches)
    }

    /// One forward, backward and update step on the rows `indices` of `data`.
    private mutating func trainBatch(_ indices: ArraySlice<Int>, data: TrainingSet, learningRate: Float,
                                     streams: inout EpochStreams) -> (lossSum: Double, correct: Int) {
        let rows = indices.count
        let description = configuration.model
        let optimizerConfiguration = configuration.optimizer
        let augmentation = configuration.augmentation
        let plan = model.plan
        let layout = plan.layout
        let workspace = self.workspace
        let decaySegments = self.decaySegments
        for (slot, index) in indices.enumerated() { batchLabels[slot] = data.labels[index] }
        return scratch.withUnsafeMutableBufferPointer { scratch in
            let base = scratch.baseAddress!
            data.features.storage.withUnsafeBufferPointer { features in
                Kernels.gatherRows(features.baseAddress!, columns: description.inputCount,
                                   indices: indices, into: base + workspace.input)
            }
            augmentation.apply(to: base + workspace.input, rows: rows, shape: description.inputShape,
                               random: &streams.augmentation, spare: base + workspace.count)
            let result = model.parameters.withUnsafeMutableBufferPointer { parameters in
                let pass = NetworkPass(plan: plan, workspace: workspace, parameters: UnsafePointer(parameters.baseAddress!),
                                       scratch: base)
                model.runningMean.withUnsafeMutableBufferPointer { mean in
                    model.runningVariance.withUnsafeMutableBufferPointer { variance in
                        withUnsafeMutablePointer(to: &streams.dropout) { dropout in
                            pass.forwardTraining(rows: rows, runningMean: mean.baseAddress, runningVariance: variance.baseAddress,
                                                 random: dropout)
                        }
                    }
                }
                let result = batchLabels.withUnsafeBufferPointer { labels in
                    Kernels.softmaxCrossEntropy(pass.logits, rows: rows, classes: description.classCount,
                                                labels: labels.baseAddress!, gradientScale: 1 / Float(rows))
                }
                let gradients = UnsafeMutableBufferPointer(start: base + workspace.parameterGradients,
                                                           count: layout.parameterCount)
                optimizerState.beginStep()
                pass.backward(rows: rows) { range in
                    optimizerState.update(optimizerConfiguration, learningRate: learningRate, parameters: parameters,
                                          gradients: gradients, decaySegments: decaySegments, range: range)
                }
                return result
            }
            return result
        }
    }
}

/// The random streams of one epoch beyond the shuffling: dropout masks and augmentations.
private struct EpochStreams {
    var dropout: RandomStream
    var augmentation: RandomStream
}
