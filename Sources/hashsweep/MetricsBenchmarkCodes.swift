import Foundation
import Models
import Sweep

/// Codes for `hashsweep bench metrics`: a briefly trained MLP's codes of MNIST, or of random
/// data through an untrained network when MNIST is not found.
struct MetricsBenchmarkCodes {
    var train: CodeMatrix
    var trainLabels: [Int32]
    var test: CodeMatrix
    var testLabels: [Int32]
    var classCount = 10
    /// Where the codes came from, for the report.
    var source: String
    /// Wall and CPU seconds of taking the train and test codes from the network.
    var codeSeconds: (wall: Double, cpu: Double)

    /// The MNIST folder: `--data-dir`, else `$HASHSWEEP_MNIST`, else the usual dataset folders,
    /// else `../shared/datasets/mnist`; nil when none holds MNIST.
    static func mnistDirectory(explicit: String?) -> String? {
        if let explicit { return explicit }
        if let fromEnvironment = ProcessInfo.processInfo.environment["HASHSWEEP_MNIST"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        if let resolved = try? DatasetLocation.resolve(.mnist) { return resolved }
        let shared = "../shared/datasets/mnist"
        return FileManager.default.fileExists(atPath: shared + "/train-images-idx3-ubyte.gz") ? shared : nil
    }

    /// Codes of `trainCount` training and `testCount` test examples from a width-`width` network.
    static func make(width: Int, trainCount: Int, testCount: Int, epochs: Int, mnist: String?, seed: UInt64) throws -> MetricsBenchmarkCodes {
        let train: TrainingSet, test: LabeledData, source: String
        if let mnist {
            let splits = try DatasetLoader.load(DatasetOptions(kind: .mnist, directory: mnist))
            train = try splits.train.trainingSet(samples: trainCount, mode: .stratified, seed: seed)
            test = splits.test.rows(0..<min(testCount, splits.test.count))
            source = "MNIST (\(mnist)), MLP 784-\(width)-10 trained \(epochs) epoch(s), SGD lr 0.01 momentum 0.9 batch 128"
        } else {
            train = TrainingSet(randomData(count: trainCount, seed: seed))
            test = randomData(count: testCount, seed: seed + 1)
            source = "random uniform data (MNIST not found), untrained MLP 784-\(width)-10 (random-projection ReLU codes)"
        }
        let model = MLPConfiguration(inputCount: train.featureCount, width: width, depth: 1, classCount: train.classCount)
        let optimizer = OptimizerConfiguration(algorithm: .sgd(momentum: 0.9, nesterov: false), learningRate: 0.01)
        var trainer = Trainer(configuration: TrainingConfiguration(model: model, optimizer: optimizer, batchSize: 128, seed: seed))
        if mnist != nil { for _ in 0..<epochs { _ = trainer.trainEpoch(on: train) } }
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = processCPUSeconds()
        let trainCodes = trainer.model.codes(for: train.features), testCodes = trainer.model.codes(for: test.features)
        let wall = (clock.now - start).seconds
        return MetricsBenchmarkCodes(
            train: trainCodes, trainLabels: train.labels, test: testCodes, testLabels: test.labels, source: source,
            codeSeconds: (wall, processCPUSeconds() - cpuStart))
    }

    /// The codes in a folder written by `hashsweep codes`; reading them is not timed (codeSeconds 0).
    static func exported(in folder: String) throws -> MetricsBenchmarkCodes {
        let codes = try NeuralCodes(exportedIn: URL(fileURLWithPath: folder))
        return MetricsBenchmarkCodes(
            train: codes.train, trainLabels: codes.trainLabels, test: codes.test, testLabels: codes.testLabels,
            classCount: codes.classCount,
            source: "exported codes \(folder) (trajectory \(codes.trajectoryID), epoch \(codes.epoch)); reading them is not timed",
            codeSeconds: (0, 0))
    }

    /// `count` examples of 784 uniform features with uniform labels over 10 classes.
    private static func randomData(count: Int, seed: UInt64) -> LabeledData {
        var random = RandomStream(seed: seed, purpose: .syntheticData)
        let features = Matrix(rows: count, columns: 784, storage: (0..<(count * 784)).map { _ in random.nextUnitFloat() })
        return LabeledData(features: features, labels: (0..<count).map { _ in Int32(random.nextInt(below: 10)) }, classCount: 10)
    }
}
