import Testing
@testable import Models

@Suite("The optimiser's layer-by-layer updates during the backward pass")
struct LayerwiseUpdateTests {
    static let configurations = [
        MLPConfiguration(inputCount: 5, widths: [4], classCount: 3),
        MLPConfiguration(inputCount: 5, widths: [4, 3], classCount: 3),
        MLPConfiguration(inputCount: 5, widths: [4, 3], classCount: 3, batchNorm: BatchNormSettings()),
    ]

    @Test("backward reports each layer once, output first, and the ranges tile every parameter",
          arguments: configurations)
    func finishedLayersTileTheParameters(configuration: MLPConfiguration) {
        let model = Network(configuration: configuration, seed: 3)
        let rows = 6
        let workspace = NetworkWorkspace(plan: model.plan, capacity: rows, training: true)
        var scratch = [Float](repeating: 0, count: workspace.count)
        var mean = model.runningMean, variance = model.runningVariance
        var random = RandomStream(seed: 5, purpose: .testing)
        let labels = (0..<rows).map { _ in Int32(random.nextInt(below: configuration.classCount)) }
        var finished: [Range<Int>] = []
        scratch.withUnsafeMutableBufferPointer { scratch in
            let base = scratch.baseAddress!
            for i in 0..<(rows * configuration.inputCount) { base[workspace.input + i] = random.nextUnitFloat() }
            model.parameters.withUnsafeBufferPointer { parameters in
                let pass = NetworkPass(plan: model.plan, workspace: workspace, parameters: parameters.baseAddress!, scratch: base)
                var dropout = RandomStream(seed: 1, purpose: .dropout)
                mean.withUnsafeMutableBufferPointer { mean in
                    variance.withUnsafeMutableBufferPointer { variance in
                        pass.forwardTraining(rows: rows, runningMean: mean.baseAddress, runningVariance: variance.baseAddress,
                                             random: &dropout)
                    }
                }
                _ = labels.withUnsafeBufferPointer { labels in
                    Kernels.softmaxCrossEntropy(pass.logits, rows: rows, classes: configuration.classCount,
                                                labels: labels.baseAddress!, gradientScale: 1 / Float(rows))
                }
                pass.backward(rows: rows) { finished.append($0) }
            }
        }
        #expect(finished == model.layout.layers.reversed().map(\.parameters))
        let tiled = finished.sorted { $0.lowerBound < $1.lowerBound }
        #expect(tiled.first?.lowerBound == 0 && tiled.last?.upperBound == model.layout.parameterCount)
        #expect(zip(tiled, tiled.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }

    @Test("one training step changes every parameter, BatchNorm's scale and shift included")
    func everyParameterMoves() {
        let configuration = Self.configurations[2]
        var random = RandomStream(seed: 8, purpose: .testing)
        let features = Matrix(rows: 16, columns: 5, storage: (0..<80).map { _ in random.nextUnitFloat() })
        let labels = (0..<16).map { _ in Int32(random.nextInt(below: 3)) }
        let data = TrainingSet(LabeledData(features: features, labels: labels, classCount: 3))
        var trainer = Trainer(configuration: TrainingConfiguration(
            model: configuration,
            optimizer: OptimizerConfiguration(algorithm: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.01),
            batchSize: 16, seed: 1))
        let before = trainer.model.parameters
        _ = trainer.trainEpoch(on: data)
        let unchanged = zip(before, trainer.model.parameters).enumerated().filter { $0.element.0 == $0.element.1 }.map(\.offset)
        // Adam's first step moves every parameter with a non-zero gradient by about the learning rate.
        #expect(unchanged.isEmpty, "parameters left unchanged: \(unchanged)")
    }
}
