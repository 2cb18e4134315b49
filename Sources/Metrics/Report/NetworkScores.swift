/// The network's own loss and accuracy, computed by the model and carried into the report.
public struct NetworkScores: Sendable, Hashable, Codable {
    /// Mean cross-entropy on the training set against the labels it was trained on.
    public var trainLoss: Double
    /// Accuracy on the training set against the labels it was trained on.
    public var trainAccuracy: Double
    /// Mean cross-entropy on the training set against the clean labels.
    public var trainCleanLoss: Double
    /// Accuracy on the training set against the clean labels.
    public var trainCleanAccuracy: Double
    /// Mean cross-entropy on the test set.
    public var testLoss: Double
    /// Accuracy on the test set.
    public var testAccuracy: Double

    /// Scores as measured by the model.
    public init(trainLoss: Double, trainAccuracy: Double, trainCleanLoss: Double, trainCleanAccuracy: Double,
                testLoss: Double, testAccuracy: Double) {
        self.trainLoss = trainLoss
        self.trainAccuracy = trainAccuracy
        self.trainCleanLoss = trainCleanLoss
        self.trainCleanAccuracy = trainCleanAccuracy
        self.testLoss = testLoss
        self.testAccuracy = testAccuracy
    }
}
