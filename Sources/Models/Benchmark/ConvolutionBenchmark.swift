import Foundation

/// Measures the training throughput of convolutional networks on random CIFAR-shaped data
/// (3x32x32, 10 classes, Adam, batch 64): what `hashsweep bench train` prints for its VGG and
/// ResNet rows.
///
/// Throughput counts `6 x multiply-adds x images` floating-point operations (2 forward, 4
/// backward per multiply-add of the forward pass); element-wise work is not counted.
public enum ConvolutionBenchmark {
    /// One network to time.
    public struct Case: Sendable, Hashable {
        /// A short label, e.g. `vgg11 x0.25`.
        public var name: String
        /// The network, for CIFAR-shaped inputs.
        public var network: NetworkDescription

        /// A VGG case.
        public init(_ variant: VGGConfiguration.Variant, widthMultiplier: Double) {
            name = "\(variant.rawValue) x\(widthMultiplier)"
            network = VGGConfiguration(variant: variant, widthMultiplier: widthMultiplier).network(inputShape: imageShape, classCount: 10)
        }

        /// A ResNet case.
        public init(_ variant: ResNetConfiguration.Variant, widthMultiplier: Double) {
            name = "\(variant.rawValue) x\(widthMultiplier)"
            network = ResNetConfiguration(variant: variant, widthMultiplier: widthMultiplier).network(inputShape: imageShape, classCount: 10)
        }
    }

    /// The cases of the VGG and ResNet issues' benchmarks.
    public static let standardCases = [Case(.vgg11, widthMultiplier: 0.25), Case(.vgg16, widthMultiplier: 0.5),
                                       Case(.resnet20, widthMultiplier: 1), Case(.resnet18, widthMultiplier: 0.25)]
    /// The CIFAR-10 image shape.
    public static let imageShape = TensorShape(channels: 3, height: 32, width: 32)
    /// Images of the epoch the figures are scaled to (CIFAR-10's training set).
    public static let epochImages = 50_000

    /// What one case measured.
    public struct Result: Sendable {
        public var benchmarkCase: Case
        public var parameterCount: Int
        /// Multiply-adds of one image's forward pass.
        public var multiplyAdds: Int
        /// Wall-clock seconds per epoch of ``epochImages`` images (scaled from the images timed).
        public var secondsPerEpoch: Double
        /// CPU seconds of this process per epoch of ``epochImages`` images.
        public var cpuSecondsPerEpoch: Double
        /// `6 x multiplyAdds x images / seconds`, in GFLOP/s.
        public var gigaflops: Double
    }

    /// Trains `images` random images (one epoch, after one warm-up batch) and scales the time to ``epochImages``.
    public static func measure(_ benchmarkCase: Case, images: Int = 5_000, batchSize: Int = 64) -> Result {
        precondition(images > 0 && batchSize > 0, "ConvolutionBenchmark: images and batch size must be positive")
        let description = benchmarkCase.network
        let data = TrainingBenchmark.randomData(count: images, featureCount: imageShape.count, classCount: 10)
        let configuration = TrainingConfiguration(
            model: description,
            optimizer: OptimizerConfiguration(algorithm: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 1e-3),
            batchSize: batchSize, seed: 0)
        var trainer = Trainer(configuration: configuration)
        _ = trainer.trainEpoch(on: TrainingBenchmark.randomData(count: batchSize, featureCount: imageShape.count, classCount: 10))
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = processCPUSeconds()
        _ = trainer.trainEpoch(on: data)
        let scale = Double(epochImages) / Double(images)
        let seconds = (clock.now - start).seconds * scale
        let cpuSeconds = (processCPUSeconds() - cpuStart) * scale
        let multiplyAdds = trainer.model.multiplyAdds
        return Result(benchmarkCase: benchmarkCase, parameterCount: trainer.model.layout.parameterCount,
                      multiplyAdds: multiplyAdds, secondsPerEpoch: seconds, cpuSecondsPerEpoch: cpuSeconds,
                      gigaflops: 6 * Double(multiplyAdds) * Double(epochImages) / seconds / 1e9)
    }
}
