import Foundation
import Models

/// The neural codes of one trajectory's network at one measured epoch, on the examples its
/// measurement uses: the distinct training examples (``Models/TrainingSet/untiled``) and the
/// test split, with their labels.
public struct NeuralCodes: Sendable {
    /// The trajectory.
    public var trajectoryID: String
    /// Epochs trained (0 = at initialisation).
    public var epoch: Int
    /// Codes of the distinct training examples, in the training set's order.
    public var train: CodeMatrix
    /// The labels the network was trained on (with label noise, if any).
    public var trainLabels: [Int32]
    /// The training examples' original labels.
    public var trainCleanLabels: [Int32]
    /// Codes of the test examples.
    public var test: CodeMatrix
    /// The test labels.
    public var testLabels: [Int32]
    /// Number of classes.
    public var classCount: Int
}

extension TrajectoryTraining {
    /// The codes of the network stored in `checkpoint`, computed on the data the trajectory's
    /// measurements use, exactly as a measurement computes them.
    func codes(from checkpoint: StoredCheckpoint) throws -> NeuralCodes {
        let prepared = try setup()
        let model = try Self.trainer(prepared.training, from: checkpoint, trajectory: trajectory.id).model
        let distinct = prepared.trainingSet.untiled
        let test = prepared.measurer.test
        return NeuralCodes(trajectoryID: trajectory.id, epoch: checkpoint.epoch,
                           train: model.codes(for: distinct.features), trainLabels: distinct.labels,
                           trainCleanLabels: distinct.cleanLabels, test: model.codes(for: test.features),
                           testLabels: test.labels, classCount: distinct.classCount)
    }
}

extension NeuralCodes {
    /// Computes the codes of `trajectory` at `epoch` from its kept checkpoint in `store`.
    ///
    /// Throws ``ExecutionError/noCheckpoint(trajectory:epoch:kept:)`` where none is kept.
    public static func load(trajectory: Trajectory, epoch: Int, store: SweepStore,
                            datasets: DatasetCache = DatasetCache()) throws -> NeuralCodes {
        guard let checkpoint = try store.checkpoint(trajectory: trajectory.id, epoch: epoch) else {
            throw ExecutionError.noCheckpoint(trajectory: trajectory.id, epoch: epoch,
                                              kept: try store.checkpointEpochs(trajectory: trajectory.id))
        }
        return try TrajectoryTraining(trajectory: trajectory, datasets: datasets).codes(from: checkpoint)
    }
}
