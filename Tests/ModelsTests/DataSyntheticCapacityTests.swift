import Testing
@testable import Models

@Suite("Datasets: the synthetic data rewards capacity")
struct DataSyntheticCapacityTests {
    /// Test accuracy after training a depth-1 network of `width` for `epochs` (Adam, lr 3e-3, batch 64).
    static func testAccuracy(width: Int, activation: Activation, splits: (train: LabeledData, test: LabeledData),
                             epochs: Int) -> Double {
        let model = MLPConfiguration(inputCount: splits.train.featureCount, width: width, depth: 1,
                                     classCount: splits.train.classCount, activation: activation)
        let optimizer = OptimizerConfiguration(algorithm: .adamDefaults, learningRate: 3e-3)
        var trainer = Trainer(configuration: TrainingConfiguration(model: model, optimizer: optimizer, batchSize: 64, seed: 1))
        let training = TrainingSet(splits.train)
        for _ in 0..<epochs { _ = trainer.trainEpoch(on: training) }
        return trainer.model.evaluate(splits.test).accuracy
    }

    @Test("linear < width 10 < width 100 by clear margins")
    func capacityOrdering() throws {
        let splits = try SyntheticDataset.generate(SyntheticDatasetSettings(trainCount: 2000, testCount: 1000, seed: 3))
        // LeakyReLU with slope 1 is the identity: a linear softmax model.
        let linear = Self.testAccuracy(width: 32, activation: .leakyReLU(slope: 1), splits: splits, epochs: 15)
        let narrow = Self.testAccuracy(width: 10, activation: .relu, splits: splits, epochs: 15)
        let wide = Self.testAccuracy(width: 100, activation: .relu, splits: splits, epochs: 15)
        print("synthetic capacity check: linear \(linear), width 10 \(narrow), width 100 \(wide)")
        #expect(linear + 0.2 < narrow)
        #expect(narrow + 0.1 < wide)
    }
}
