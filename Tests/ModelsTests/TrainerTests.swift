import Testing
@testable import Models

@Suite("Trainer: learning, determinism and bit-identical resume")
struct TrainerTests {
    static let data = ModelTestSupport.blobs(count: 300)
    static let heldOut = ModelTestSupport.blobs(count: 200, seed: 2)

    static let configurations: [TrainingConfiguration] = [
        ModelTestSupport.configuration(),
        ModelTestSupport.configuration(
            widths: [10, 8, 6], activation: .leakyReLU(slope: 0.05), batchNorm: true,
            algorithm: .adamDefaults, learningRate: 0.01,
            weightDecay: WeightDecay(coefficient: 0.01, mode: .decoupled, scope: .weightsOnly),
            schedule: .step(every: 2, gamma: 0.5), batchSize: 64),
        ModelTestSupport.configuration(
            widths: [12], batchNorm: true, algorithm: .sgd(momentum: 0.9, nesterov: true),
            weightDecay: WeightDecay(coefficient: 1e-3, mode: .coupled, scope: .allParameters), batchSize: 100),
    ]

    @Test("training lowers the loss and learns separable blobs", arguments: configurations)
    func learns(configuration: TrainingConfiguration) {
        var trainer = Trainer(configuration: configuration)
        let before = trainer.model.evaluate(Self.data.features, labels: Self.data.labels)
        var last = trainer.trainEpoch(on: Self.data)
        for _ in 1..<8 { last = trainer.trainEpoch(on: Self.data) }
        let after = trainer.model.evaluate(Self.data.features, labels: Self.data.labels)
        #expect(trainer.epoch == 8 && last.epoch == 8)
        #expect(last.batchCount == (300 + configuration.batchSize - 1) / configuration.batchSize)
        #expect(after.loss < before.loss / 2, "loss \(before.loss) -> \(after.loss)")
        #expect(trainer.model.evaluate(Self.heldOut.features, labels: Self.heldOut.labels).accuracy > 0.9)
    }

    @Test("one seed gives bit-identical weights and codes; another seed differs", arguments: configurations)
    func determinism(configuration: TrainingConfiguration) {
        func run(seed: UInt64) -> (Network, CodeMatrix) {
            var configuration = configuration
            configuration.seed = seed
            var trainer = Trainer(configuration: configuration)
            for _ in 0..<2 { _ = trainer.trainEpoch(on: Self.data) }
            return (trainer.model, trainer.model.codes(for: Self.heldOut.features))
        }
        let first = run(seed: 21), second = run(seed: 21), other = run(seed: 22)
        #expect(first.0.parameters.map(\.bitPattern) == second.0.parameters.map(\.bitPattern))
        #expect(first.0.runningMean.map(\.bitPattern) == second.0.runningMean.map(\.bitPattern))
        #expect(first.1 == second.1)
        #expect(first.0.parameters != other.0.parameters)
        #expect(first.1 != other.1)
    }

    @Test("6 epochs straight equal 3 epochs, checkpoint bytes, decode, 3 more epochs", arguments: configurations)
    func resumeIsBitIdentical(configuration: TrainingConfiguration) throws {
        var straight = Trainer(configuration: configuration)
        var straightStatistics: [EpochStatistics] = []
        for _ in 0..<6 { straightStatistics.append(straight.trainEpoch(on: Self.data)) }

        var first = Trainer(configuration: configuration)
        var resumedStatistics: [EpochStatistics] = []
        for _ in 0..<3 { resumedStatistics.append(first.trainEpoch(on: Self.data)) }
        let bytes = first.checkpoint().encoded()
        var resumed = Trainer(checkpoint: try Checkpoint(decoding: bytes))
        #expect(resumed.epoch == 3)
        for _ in 0..<3 { resumedStatistics.append(resumed.trainEpoch(on: Self.data)) }

        #expect(resumed.model.parameters.map(\.bitPattern) == straight.model.parameters.map(\.bitPattern))
        #expect(resumed.model.runningMean.map(\.bitPattern) == straight.model.runningMean.map(\.bitPattern))
        #expect(resumed.model.runningVariance.map(\.bitPattern) == straight.model.runningVariance.map(\.bitPattern))
        #expect(resumed.optimizerState.firstMoment.map(\.bitPattern) == straight.optimizerState.firstMoment.map(\.bitPattern))
        #expect(resumed.optimizerState.secondMoment.map(\.bitPattern) == straight.optimizerState.secondMoment.map(\.bitPattern))
        #expect(resumed.optimizerState.stepCount == straight.optimizerState.stepCount)
        #expect(resumed.shuffling == straight.shuffling)
        #expect(resumed.model.codes(for: Self.heldOut.features) == straight.model.codes(for: Self.heldOut.features))
        #expect(resumedStatistics == straightStatistics)
        #expect(resumed.checkpoint() == straight.checkpoint())
    }

    @Test("the last partial batch is trained on: every example counts once per epoch")
    func partialLastBatch() {
        var trainer = Trainer(configuration: ModelTestSupport.configuration(batchSize: 128))
        let statistics = trainer.trainEpoch(on: Self.data)
        #expect(statistics.batchCount == 3)  // 128 + 128 + 44
        #expect(statistics.exampleCount == 300)
        #expect(trainer.optimizerState.stepCount == 3)
    }
}
