import Models

/// Sizes and shapes of the datasets a spec can name, for validation and compute estimates.
public struct DatasetFacts: Sendable, Hashable {
    /// The spec's dataset names, in documentation order.
    public static let names = ["mnist", "fashion-mnist", "cifar10", "synthetic", "synthetic-images"]

    /// Examples in the official training set (before any holdout).
    public var trainSize: Int
    /// Examples in the test set.
    public var testSize: Int
    /// Features per example (the network's input width).
    public var inputDimension: Int
    /// Number of classes (the network's output width).
    public var classes: Int
    /// The shape of one example: an image, or a vector of ``inputDimension`` features.
    public var inputShape: TensorShape

    /// The facts of a configuration's dataset (synthetic data: from its settings).
    public init(of configuration: TrajectoryConfiguration) {
        switch configuration.dataset {
        case "mnist", "fashion-mnist":
            self.init(trainSize: 60_000, testSize: 10_000, classes: 10, inputShape: DatasetKind.mnist.fileImageShape!)
        case "cifar10":
            self.init(trainSize: 50_000, testSize: 10_000, classes: 10, inputShape: DatasetKind.cifar10.fileImageShape!)
        case "synthetic-images":
            let images = configuration.images ?? SyntheticImageConfiguration()
            self.init(trainSize: images.trainSize, testSize: images.testSize, classes: images.classes,
                      inputShape: TensorShape(channels: max(images.channels, 1), height: max(images.side, 1), width: max(images.side, 1)))
        case "synthetic":
            let synthetic = configuration.synthetic ?? SyntheticDataConfiguration()
            self.init(trainSize: synthetic.trainSize, testSize: synthetic.testSize,
                      inputDimension: synthetic.dimension, classes: synthetic.classes)
        default:
            preconditionFailure("DatasetFacts: unknown dataset \(configuration.dataset)")
        }
    }

    /// Facts given directly (vector inputs unless `inputShape` says otherwise).
    public init(trainSize: Int, testSize: Int, inputDimension: Int, classes: Int) {
        self.init(trainSize: trainSize, testSize: testSize, classes: classes, inputShape: .vector(max(inputDimension, 1)))
    }

    /// Facts of a dataset whose examples have `inputShape`.
    public init(trainSize: Int, testSize: Int, classes: Int, inputShape: TensorShape) {
        self.trainSize = trainSize
        self.testSize = testSize
        self.inputDimension = inputShape.count
        self.classes = classes
        self.inputShape = inputShape
    }

    /// Training examples left after holding out `holdout` of the training set
    /// (rounded to the nearest example, as the data loader does).
    public func trainingExamples(holdout: Double) -> Int {
        trainSize - Int((holdout * Double(trainSize)).rounded())
    }
}
