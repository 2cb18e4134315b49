import Testing
@testable import Models

@Suite("Synthetic images: seeded, image-shaped, and harder for narrow networks")
struct SyntheticImagesTests {
    @Test("the same settings give the same images; another seed others; shapes and ranges hold", arguments: [1, 3])
    func deterministic(channels: Int) throws {
        let settings = SyntheticImageSettings(classCount: 10, channels: channels, side: channels == 1 ? 28 : 32,
                                              trainCount: 50, testCount: 20, seed: 4)
        let first = try SyntheticImages.generate(settings), second = try SyntheticImages.generate(settings)
        #expect(first.train == second.train && first.test == second.test)
        var other = settings
        other.seed = 5
        #expect(try SyntheticImages.generate(other).train != first.train)
        #expect(first.train.featureCount == settings.shape.count && first.test.count == 20)
        #expect(first.train.features.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
        let splits = try DatasetLoader.load(DatasetOptions(kind: .syntheticImages, syntheticImages: settings))
        #expect(splits.inputShape == settings.shape)
    }

    @Test("bad settings name the setting")
    func invalid() {
        #expect(throws: DatasetError.self) { try SyntheticImageSettings(channels: 2).validate() }
        #expect(throws: DatasetError.self) { try SyntheticImageSettings(side: 4).validate() }
        #expect(throws: DatasetError.self) { try SyntheticImageSettings(classCount: 30).validate() }
    }

    @Test("width matters: a wider small conv net fits the images better than a narrow one")
    func widthMatters() throws {
        let settings = SyntheticImageSettings(classCount: 10, side: 16, trainCount: 600, testCount: 300, seed: 1)
        let data = try SyntheticImages.generate(settings)
        func trainedAccuracy(channels: Int) -> Double {
            let layers = [NamedLayer("conv1", .convolution3x3(channels: channels)), NamedLayer("conv1.bn", .batchNorm(BatchNormSettings())),
                          NamedLayer("conv1.relu", .activation(.relu)), NamedLayer("pool1", .maxPool),
                          NamedLayer("conv2", .convolution3x3(channels: 2 * channels)), NamedLayer("conv2.bn", .batchNorm(BatchNormSettings())),
                          NamedLayer("conv2.relu", .activation(.relu)), NamedLayer("pool2", .maxPool),
                          NamedLayer("flatten", .flatten), NamedLayer("output", .linear(units: 10))]
            let description = NetworkDescription(inputShape: settings.shape, layers: layers, initializer: .heUniform)
            var trainer = Trainer(configuration: TrainingConfiguration(
                model: description, optimizer: OptimizerConfiguration(algorithm: .adamDefaults, learningRate: 3e-3),
                batchSize: 32, seed: 2))
            for _ in 0..<8 { _ = trainer.trainEpoch(on: TrainingSet(data.train)) }
            return trainer.model.evaluate(data.train).accuracy
        }
        let narrow = trainedAccuracy(channels: 1), wide = trainedAccuracy(channels: 8)
        print("synthetic images, 8 epochs: train accuracy \(narrow) with 1 channel, \(wide) with 8")
        #expect(wide > narrow + 0.1, "narrow \(narrow), wide \(wide)")
        #expect(narrow > 0.15, "the narrow net learns something (chance is 0.1)")
    }
}
