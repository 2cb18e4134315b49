import Foundation

/// Measures training throughput on random, MNIST-shaped data (what `hashsweep bench train` prints).
///
/// Throughput counts `6 x parameters x examples` floating-point operations per
/// epoch (2 for the forward GEMMs, 4 for the backward ones), the usual estimate
/// for dense networks; elementwise work is not counted.
public enum TrainingBenchmark {
    /// One network to time.
    public struct Case: Sendable, Hashable {
        /// A short label, e.g. `width 512 depth 1`.
        public var name: String
        /// Hidden layer widths.
        public var widths: [Int]
        /// Whether hidden layers have BatchNorm.
        public var batchNorm: Bool

        /// A case of `depth` equal hidden layers.
        public init(width: Int, depth: Int, batchNorm: Bool = false) {
            self.name = "width \(width) depth \(depth)" + (batchNorm ? " batchnorm" : "")
            self.widths = Array(repeating: width, count: depth)
            self.batchNorm = batchNorm
        }
    }

    /// The cases of issue 2's benchmark.
    public static let standardCases = [
        Case(width: 512, depth: 1), Case(width: 100, depth: 3), Case(width: 1000, depth: 2),
        Case(width: 40, depth: 1, batchNorm: true),
    ]

    /// What one case measured.
    public struct Result: Sendable {
        /// The case.
        public var benchmarkCase: Case
        /// Trainable parameters of the network.
        public var parameterCount: Int
        /// Mean wall-clock seconds per training epoch.
        public var secondsPerEpoch: Double
        /// Mean CPU seconds of this process per training epoch (less sensitive to other load than wall time).
        public var cpuSecondsPerEpoch: Double
        /// `6 x parameters x examples / secondsPerEpoch`, in GFLOP/s.
        public var gigaflops: Double
    }

    /// `count` examples with uniform `[0, 1)` features and uniform labels, from a fixed seed.
    public static func randomData(count: Int = 60_000, featureCount: Int = 784, classCount: Int = 10) -> TrainingSet {
        var random = RandomStream(seed: 0, purpose: .syntheticData)
        var features = Matrix(rows: count, columns: featureCount)
        features.storage.withUnsafeMutableBufferPointer { storage in
            for index in storage.indices { storage[index] = random.nextUnitFloat() }
        }
        let labels = (0..<count).map { _ in Int32(random.nextInt(below: classCount)) }
        return TrainingSet(LabeledData(features: features, labels: labels, classCount: classCount))
    }

    /// Trains `epochs` epochs of SGD with momentum (lr 0.01, momentum 0.9) and times them.
    public static func measure(_ benchmarkCase: Case, on data: TrainingSet, epochs: Int = 1, batchSize: Int = 128) -> Result {
        precondition(epochs > 0, "TrainingBenchmark: epochs must be positive")
        let configuration = TrainingConfiguration(
            model: MLPConfiguration(inputCount: data.featureCount, widths: benchmarkCase.widths, classCount: data.classCount,
                                    batchNorm: benchmarkCase.batchNorm ? BatchNormSettings() : nil),
            optimizer: OptimizerConfiguration(algorithm: .sgd(momentum: 0.9, nesterov: false), learningRate: 0.01),
            batchSize: batchSize, seed: 0)
        var trainer = Trainer(configuration: configuration)
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = processCPUSeconds()
        for _ in 0..<epochs { _ = trainer.trainEpoch(on: data) }
        let seconds = (clock.now - start).seconds / Double(epochs)
        let cpuSeconds = (processCPUSeconds() - cpuStart) / Double(epochs)
        let parameters = trainer.model.layout.parameterCount
        return Result(benchmarkCase: benchmarkCase, parameterCount: parameters, secondsPerEpoch: seconds,
                      cpuSecondsPerEpoch: cpuSeconds,
                      gigaflops: 6 * Double(parameters) * Double(data.count) / seconds / 1e9)
    }

    /// The single-thread sgemm rate of an `n`-cube product in GFLOP/s (mean of `repetitions` after a warm-up).
    public static func sgemmRate(size n: Int = 1024, repetitions: Int = 10) -> Double {
        precondition(n > 0 && repetitions > 0, "TrainingBenchmark: size and repetitions must be positive")
        var random = RandomStream(seed: 1, purpose: .syntheticData)
        let a = Matrix(rows: n, columns: n, storage: (0..<(n * n)).map { _ in random.nextUnitFloat() })
        let b = Matrix(rows: n, columns: n, storage: (0..<(n * n)).map { _ in random.nextUnitFloat() })
        var c = Matrix(rows: n, columns: n)
        BLAS.gemm(a, b, into: &c)
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<repetitions { BLAS.gemm(a, b, into: &c) }
        let seconds = (clock.now - start).seconds / Double(repetitions)
        return 2 * Double(n) * Double(n) * Double(n) / seconds / 1e9
    }
}
