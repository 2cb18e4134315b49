/// Sizes and shapes of the datasets a spec can name, for validation and compute estimates.
public struct DatasetFacts: Sendable, Hashable {
    /// The spec's dataset names, in documentation order.
    public static let names = ["mnist", "fashion-mnist", "cifar10", "synthetic"]

    /// Examples in the official training set (before any holdout).
    public var trainSize: Int
    /// Examples in the test set.
    public var testSize: Int
    /// Features per example (the network's input width).
    public var inputDimension: Int
    /// Number of classes (the network's output width).
    public var classes: Int

    /// The facts of a configuration's dataset (synthetic data: from its settings).
    public init(of configuration: TrajectoryConfiguration) {
        switch configuration.dataset {
        case "mnist", "fashion-mnist":
            self.init(trainSize: 60_000, testSize: 10_000, inputDimension: 784, classes: 10)
        case "cifar10":
            self.init(trainSize: 50_000, testSize: 10_000, inputDimension: 3_072, classes: 10)
        case "synthetic":
            let synthetic = configuration.synthetic ?? SyntheticDataConfiguration()
            self.init(trainSize: synthetic.trainSize, testSize: synthetic.testSize,
                      inputDimension: synthetic.dimension, classes: synthetic.classes)
        default:
            preconditionFailure("DatasetFacts: unknown dataset \(configuration.dataset)")
        }
    }

    /// Facts given directly.
    public init(trainSize: Int, testSize: Int, inputDimension: Int, classes: Int) {
        self.trainSize = trainSize
        self.testSize = testSize
        self.inputDimension = inputDimension
        self.classes = classes
    }

    /// Training examples left after holding out `holdout` of the training set
    /// (rounded to the nearest example, as the data loader does).
    public func trainingExamples(holdout: Double) -> Int {
        trainSize - Int((holdout * Double(trainSize)).rounded())
    }
}
