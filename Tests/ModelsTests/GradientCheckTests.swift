import Testing
@testable import Models

@Suite("Gradient check: back-propagation against central finite differences")
struct GradientCheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let widths: [Int]
        let activation: Activation
        let batchNorm: Bool
        var testDescription: String { "widths \(widths), \(activation.name), batchnorm \(batchNorm)" }
    }

    static let cases: [Case] = [
        Case(widths: [6], activation: .relu, batchNorm: false),
        Case(widths: [6, 5], activation: .leakyReLU(slope: 0.1), batchNorm: false),
        Case(widths: [6, 5, 4], activation: .relu, batchNorm: true),
        Case(widths: [5, 4, 4], activation: .leakyReLU(slope: 0.2), batchNorm: true),
    ]

    @Test("analytic gradients match finite differences for every parameter", arguments: cases)
    func gradientsMatch(_ testCase: Case) {
        let configuration = MLPConfiguration(
            inputCount: 5, widths: testCase.widths, classCount: 3, activation: testCase.activation,
            batchNorm: testCase.batchNorm ? BatchNormSettings() : nil, initializer: .heUniform)
        var network = Network(configuration: configuration, seed: 11)
        // Move every parameter off its initial value (biases 0, BatchNorm scale 1 and shift 0)
        // so that each gradient is exercised with generic values.
        var random = RandomStream(seed: 5, purpose: .testing)
        for index in network.parameters.indices {
            network = network.settingParameter(index, to: network.parameters[index] + Float(0.2 * random.nextGaussian()))
        }
        let features = ModelTestSupport.gaussianMatrix(rows: 8, columns: 5, seed: 3)
        let labels: [Int32] = [0, 1, 2, 0, 1, 2, 2, 1]
        let (_, analytic, pattern) = network.lossAndGradient(features: features, labels: labels)

        let step: Float = 4e-3
        var checked = 0, worst = 0.0
        var squaredDifference = 0.0, squaredNorm = 0.0
        for index in network.parameters.indices {
            let value = network.parameters[index]
            let plus = network.settingParameter(index, to: value + step).lossAndGradient(features: features, labels: labels)
            let minus = network.settingParameter(index, to: value - step).lossAndGradient(features: features, labels: labels)
            // A difference across a ReLU kink is not a derivative: skip such coordinates.
            guard plus.pattern == pattern && minus.pattern == pattern else { continue }
            let actualStep = Double(value + step) - Double(value - step)
            let numeric = (plus.loss - minus.loss) / actualStep
            let difference = abs(numeric - Double(analytic[index]))
            let relative = difference / (1e-2 + abs(numeric))
            worst = max(worst, relative)
            squaredDifference += difference * difference
            squaredNorm += numeric * numeric
            checked += 1
        }
        #expect(checked >= network.parameters.count * 9 / 10, "too many coordinates crossed a kink: \(checked) of \(network.parameters.count) checked")
        #expect(worst < 2e-2, "worst relative error \(worst)")
        #expect((squaredDifference / squaredNorm).squareRoot() < 1e-3, "relative error of the gradient vector")
    }

    @Test("the softmax cross-entropy gradient is softmax minus one-hot, scaled; large logits stay finite")
    func softmaxCrossEntropy() {
        var logits: [Float] = [1000, 0, -1000, 2, 2, 2]
        let labels: [Int32] = [1, 0]
        let result = logits.withUnsafeMutableBufferPointer { logits in
            labels.withUnsafeBufferPointer { labels in
                Kernels.softmaxCrossEntropy(logits.baseAddress!, rows: 2, classes: 3,
                                            labels: labels.baseAddress!, gradientScale: 0.5)
            }
        }
        #expect(result.correct == 1)  // row 0 predicts class 0; row 1's first arg-max is class 0
        #expect(abs(result.lossSum - (1000 + Double(Float.log(3)))) < 1e-3)
        let expected: [Float] = [0.5, -0.5, 0, 0.5 / 3 - 0.5, 0.5 / 3, 0.5 / 3]
        for (value, wanted) in zip(logits, expected) { #expect(abs(value - wanted) < 1e-6) }
    }
}
