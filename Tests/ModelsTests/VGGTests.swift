import Testing
@testable import Models

@Suite("The VGG family: layouts, widths, padding, code lengths, gradients")
struct VGGTests {
    @Test("VGG16 on 3x32x32 has the reference's 277,504 code bits, in 13 conv and 2 fc groups")
    func vgg16CodeLength() {
        let description = VGGConfiguration(variant: .vgg16).network(inputShape: TensorShape(channels: 3, height: 32, width: 32), classCount: 10)
        let plan = NetworkPlan(description)
        #expect(plan.codeGroups.reduce(0) { $0 + $1.units } == 277_504)
        #expect(plan.codeGroups.filter { $0.kind == .convolution }.count == 13)
        #expect(plan.codeGroups.filter { $0.kind == .fullyConnected }.map(\.name) == ["fc1", "fc2"])
        #expect(plan.stages.last?.outputShape == .vector(10))
    }

    @Test("each variant has its number of convolutions and five pools", arguments: VGGConfiguration.Variant.allCases)
    func variants(variant: VGGConfiguration.Variant) {
        let description = VGGConfiguration(variant: variant).network(inputShape: TensorShape(channels: 3, height: 32, width: 32), classCount: 10)
        let convolutions = description.layers.filter { if case .convolution = $0.layer { true } else { false } }.count
        let expected = ["vgg11": 8, "vgg13": 10, "vgg16": 13, "vgg19": 16][variant.rawValue]
        #expect(convolutions == expected)
        #expect(description.layers.filter { $0.layer == .maxPool }.count == 5)
        #expect(description.layers.filter { if case .batchNorm = $0.layer { true } else { false } }.count == convolutions)
    }

    @Test("the width multiplier scales channels and fc width, rounded, at least 1")
    func widthMultiplier() {
        let vgg = VGGConfiguration(variant: .vgg11, widthMultiplier: 0.25)
        #expect(vgg.scaled(64) == 16 && vgg.scaled(512) == 128)
        #expect(VGGConfiguration(variant: .vgg11, widthMultiplier: 0.001).scaled(64) == 1)
        #expect(VGGConfiguration(variant: .vgg11, widthMultiplier: 0.3).scaled(64) == 19)
        let description = vgg.network(inputShape: TensorShape(channels: 3, height: 32, width: 32), classCount: 10)
        #expect(description.layers.first { $0.name == "conv1" }?.layer == .convolution3x3(channels: 16))
        #expect(description.layers.first { $0.name == "fc2" }?.layer == .linear(units: 128))
    }

    @Test("28x28 MNIST is zero-padded to 32x32, centred; odd gaps and non-square images are refused")
    func mnistPadding() {
        let vgg = VGGConfiguration(variant: .vgg11, widthMultiplier: 0.125)
        let description = vgg.network(inputShape: TensorShape(channels: 1, height: 28, width: 28), classCount: 10)
        #expect(description.layers.first == NamedLayer("pad", .zeroPad(amount: 2)))
        let plan = NetworkPlan(description)
        #expect(plan.stages[0].outputShape == TensorShape(channels: 1, height: 32, width: 32))
        // A padded image is the original in the centre and zeros around it.
        let stage = ZeroPadStage(name: "pad", inputShape: TensorShape(channels: 1, height: 28, width: 28), amount: 2)
        let image = (0..<784).map { Float($0 + 1) }
        let padded = StageHarness(stage).run(image, rows: 1, training: false).output
        #expect(padded[2 * 32 + 2] == 1 && padded[29 * 32 + 29] == 784 && padded[0] == 0 && padded[31 * 32 + 31] == 0)
        #expect(padded.filter { $0 != 0 }.count == 784)
        #expect(vgg.invalidityReason(inputShape: TensorShape(channels: 1, height: 27, width: 27))?.contains("evenly") == true)
        #expect(vgg.invalidityReason(inputShape: TensorShape(channels: 3, height: 32, width: 28))?.contains("square") == true)
    }

    @Test("a narrow VGG11 on 3x32x32: gradients of a sample of parameters match finite differences")
    func narrowVGG11Gradients() {
        let vgg = VGGConfiguration(variant: .vgg11, widthMultiplier: 1.0 / 32, batchNorm: BatchNormSettings(), dropout: 0.5)
        let description = vgg.network(inputShape: TensorShape(channels: 3, height: 32, width: 32), classCount: 3)
        let network = NetworkGradientCheck.perturbed(Network(description: description, seed: 2), scale: 0.1)
        var random = RandomStream(seed: 4, purpose: .testing)
        // Every block's parameters are represented: a few from each.
        let indices = network.layout.layers.flatMap { layer in
            (0..<12).map { _ in layer.parameters.lowerBound + random.nextInt(below: layer.parameters.count) }
        }
        let features = ModelTestSupport.gaussianMatrix(rows: 4, columns: 3 * 32 * 32, seed: 6)
        let outcome = NetworkGradientCheck.run(network, features: features, labels: [0, 1, 2, 1], indices: indices, step: 2e-3)
        // Thousands of ReLU and pooling decisions: a nudge of an early weight often flips one of them.
        #expect(outcome.checked >= outcome.tried / 2, "too many kinks: \(outcome.checked) of \(outcome.tried)")
        #expect(outcome.worstRelative < 3e-2, "worst relative error \(outcome.worstRelative)")
        #expect(outcome.vectorRelative < 5e-3, "relative error of the gradient vector \(outcome.vectorRelative)")
    }
}
