import Models

/// Computes a trajectory's metrics for a network at one epoch.
///
/// Loss and accuracy of the network itself on the distinct training examples
/// (against the labels it is trained on) and on the test split.
struct TrajectoryMeasurer {
    let configuration: TrajectoryConfiguration
    let trainingSet: TrainingSet
    let splits: DatasetSplits

    /// The metrics of `model`, in a fixed order.
    func measure(_ model: MLP) throws -> [(name: String, value: Double)] {
        let distinct = trainingSet.untiled
        let train = model.evaluate(distinct.features, labels: distinct.labels)
        let test = model.evaluate(splits.test)
        return [("train_loss", train.loss), ("train_accuracy", train.accuracy),
                ("test_loss", test.loss), ("test_accuracy", test.accuracy)]
    }
}
