import Testing
@testable import Models

/// Small convolutional networks end to end: every layer kind in the gradient check (stride 1
/// and 2, padding, odd sizes, BatchNorm in training mode, pooling, dropout, padding, global
/// average pooling), and what the description compiler accepts and rejects.
@Suite("Convolutional networks: gradient checks end to end")
struct ConvolutionalNetworkTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: TensorShape
        let layers: [Layer]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "conv stride 2 + BN + leaky, max pool, fc with dropout", input: TensorShape(channels: 2, height: 7, width: 7),
             layers: [.convolution(channels: 3, kernel: 3, stride: 2, padding: 1), .batchNorm(BatchNormSettings()),
                      .activation(.leakyReLU(slope: 0.1)), .maxPool, .flatten, .linear(units: 5), .activation(.relu),
                      .dropout(rate: 0.3), .linear(units: 3)]),
        Case(name: "zero pad, conv padding 0 + relu, conv + BN + relu, global average pool", input: TensorShape(channels: 1, height: 5, width: 6),
             layers: [.zeroPad(amount: 1), .convolution(channels: 3, kernel: 3, stride: 1, padding: 0), .activation(.relu),
                      .convolution3x3(channels: 4), .batchNorm(BatchNormSettings(epsilon: 1e-3)), .activation(.relu),
                      .globalAveragePool, .linear(units: 3)]),
        Case(name: "a VGG-like stack: two stages, BN after each conv, pools, two fc", input: TensorShape(channels: 3, height: 8, width: 8),
             layers: [.convolution3x3(channels: 4), .batchNorm(BatchNormSettings()), .activation(.relu), .maxPool,
                      .convolution3x3(channels: 5), .batchNorm(BatchNormSettings()), .activation(.relu), .maxPool,
                      .flatten, .linear(units: 6), .activation(.relu), .dropout(rate: 0.5), .linear(units: 3)]),
    ]

    static func network(_ testCase: Case) -> Network {
        let layers = testCase.layers.enumerated().map { NamedLayer("l\($0.offset)", $0.element) }
        let description = NetworkDescription(inputShape: testCase.input, layers: layers, initializer: .heUniform)
        return NetworkGradientCheck.perturbed(Network(description: description, seed: 11))
    }

    @Test("analytic gradients match finite differences for every parameter", arguments: cases)
    func gradientsMatch(_ testCase: Case) {
        let network = Self.network(testCase)
        let features = ModelTestSupport.gaussianMatrix(rows: 6, columns: testCase.input.count, seed: 3)
        let outcome = NetworkGradientCheck.run(network, features: features, labels: [0, 1, 2, 0, 1, 2], step: 2e-3)
        #expect(outcome.checked >= outcome.tried * 8 / 10, "too many kinks: \(outcome.checked) of \(outcome.tried)")
        #expect(outcome.worstRelative < 2e-2, "worst relative error \(outcome.worstRelative)")
        #expect(outcome.vectorRelative < 2e-3, "relative error of the gradient vector \(outcome.vectorRelative)")
    }

    @Test("dropout zeroes about its rate in training, is the identity in evaluation, and is seeded")
    func dropoutMasks() {
        let stage = DropoutStage(name: "drop", inputShape: .vector(1000), rate: 0.3)
        let harness = StageHarness(stage)
        let input = [Float](repeating: 1, count: 2000)
        let trained = harness.run(input, rows: 2).output
        let zeros = trained.filter { $0 == 0 }.count
        #expect(zeros > 500 && zeros < 700, "\(zeros) of 2000 dropped at rate 0.3")
        #expect(trained.allSatisfy { $0 == 0 || abs($0 - 1 / 0.7) < 1e-6 })
        #expect(harness.run(input, rows: 2).output == trained)
        #expect(harness.run(input, rows: 2, dropoutSeed: 4).output != trained)
        #expect(harness.run(input, rows: 2, training: false).output == input)
        let gradient = harness.run(input, rows: 2, outputGradient: input).inputGradient
        #expect(gradient == trained)
    }

    @Test("descriptions that cannot run are rejected with the layer's name")
    func invalidDescriptions() {
        func reason(_ layers: [Layer], input: TensorShape = TensorShape(channels: 1, height: 4, width: 4)) -> String? {
            let named = layers.enumerated().map { NamedLayer("l\($0.offset)", $0.element) }
            return NetworkDescription.unchecked(inputShape: input, layers: named).invalidityReason
        }
        #expect(reason([.batchNorm(BatchNormSettings()), .linear(units: 2)])?.contains("l0 (batch_norm) must directly follow") == true)
        #expect(reason([.maxPool, .maxPool, .maxPool, .linear(units: 2)])?.contains("l2: max_pool needs a map of at least 2x2") == true)
        #expect(reason([.linear(units: 2), .activation(.relu)])?.contains("the last layer must be a linear layer") == true)
        #expect(reason([.linear(units: 1)])?.contains("at least 2") == true)
        #expect(reason([.convolution(channels: 2, kernel: 5, stride: 1, padding: 0), .linear(units: 2)])?.contains("does not fit") == true)
        #expect(reason([.dropout(rate: 1), .linear(units: 2)])?.contains("[0, 1)") == true)
        #expect(reason([.convolution3x3(channels: 2), .flatten, .linear(units: 2)]) == nil)
    }
}
