@testable import Models

/// Small deterministic datasets and configurations shared by the model tests.
enum ModelTestSupport {
    /// Gaussian blobs: `classCount` fixed random centres in `featureCount` dimensions,
    /// `count` points around them drawn from `seed` (other seeds give fresh points of the same blobs).
    static func blobs(count: Int, featureCount: Int = 6, classCount: Int = 3, seed: UInt64 = 1) -> TrainingSet {
        var centreStream = RandomStream(seed: 0, purpose: .testing)
        let centres = (0..<(classCount * featureCount)).map { _ in Float(2 * centreStream.nextGaussian()) }
        var random = RandomStream(seed: seed, purpose: .testing)
        var features = Matrix(rows: count, columns: featureCount)
        var labels = [Int32](repeating: 0, count: count)
        for row in 0..<count {
            let label = random.nextInt(below: classCount)
            labels[row] = Int32(label)
            for column in 0..<featureCount {
                features[row, column] = centres[label * featureCount + column] + Float(random.nextGaussian())
            }
        }
        return TrainingSet(LabeledData(features: features, labels: labels, classCount: classCount))
    }

    /// A random `rows x columns` matrix of standard normal values.
    static func gaussianMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var random = RandomStream(seed: seed, purpose: .testing)
        return Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in Float(random.nextGaussian()) })
    }

    /// A small training configuration on ``blobs`` data.
    static func configuration(
        widths: [Int] = [8, 6], activation: Activation = .relu, batchNorm: Bool = false,
        algorithm: OptimizerAlgorithm = .sgd(momentum: 0.9, nesterov: false), learningRate: Float = 0.05,
        weightDecay: WeightDecay = .none, schedule: LearningRateSchedule = .constant,
        batchSize: Int = 32, seed: UInt64 = 7
    ) -> TrainingConfiguration {
        TrainingConfiguration(
            model: MLPConfiguration(inputCount: 6, widths: widths, classCount: 3, activation: activation,
                                    batchNorm: batchNorm ? BatchNormSettings(momentum: 0.9) : nil),
            optimizer: OptimizerConfiguration(algorithm: algorithm, learningRate: learningRate,
                                              schedule: schedule, weightDecay: weightDecay),
            batchSize: batchSize, seed: seed)
    }
}
