import Testing
@testable import Models

@Suite("Neural codes of a hand-built convolutional network: bits and layout")
struct ConvolutionalCodeTests {
    /// 1x2x2 images; `conv` (1x1 kernel, 2 channels: h0 = p, h1 = 0.5 - p) + ReLU; 2x2 max pool;
    /// `fc` (identity, bias (-1, 0)) + ReLU; `output`.
    static func handBuilt() -> Network {
        let description = NetworkDescription(inputShape: TensorShape(channels: 1, height: 2, width: 2), layers: [
            NamedLayer("conv", .convolution(channels: 2, kernel: 1, stride: 1, padding: 0)), NamedLayer("conv.relu", .activation(.relu)),
            NamedLayer("pool", .maxPool), NamedLayer("flatten", .flatten),
            NamedLayer("fc", .linear(units: 2)), NamedLayer("fc.relu", .activation(.relu)),
            NamedLayer("output", .linear(units: 2)),
        ])
        var network = Network(description: description, seed: 0)
        network.setWeights(Matrix([[1, -1]]), layer: 0)
        network.setBias([0, 0.5], layer: 0)
        network.setWeights(Matrix([[1, 0], [0, 1]]), layer: 1)
        network.setBias([-1, 0], layer: 1)
        return network
    }

    static let inputs = Matrix([[1, 0, -1, 2], [0.25, 0.25, 0.25, 0.25]])

    @Test("conv bits pixel by pixel (channels adjacent), then fc bits")
    func allBits() {
        let network = Self.handBuilt()
        #expect(network.codeGroups.map(\.name) == ["conv", "fc"])
        #expect(network.codeLength == 10)
        // Image (1, 0, -1, 2): conv pixels (1 | -0.5), (0 | 0.5), (-1 | 1.5), (2 | -1.5) -> 10 01 01 10;
        // pooled relu maxima (2, 1.5); fc (2 - 1, 1.5) -> 11.
        // Image 0.25 everywhere: conv (0.25 | 0.25) at every pixel -> 11 11 11 11; pooled (0.25, 0.25); fc (-0.75, 0.25) -> 01.
        #expect(network.codes(for: Self.inputs) == CodeMatrix(bits: [
            [true, false, false, true, false, true, true, false, true, true],
            [true, true, true, true, true, true, true, true, false, true],
        ]))
    }

    @Test("selections take conv only, fc only, or named layers in network order")
    func selections() {
        let network = Self.handBuilt()
        #expect(network.codes(for: Self.inputs, selection: .convolution) == CodeMatrix(bits: [
            [true, false, false, true, false, true, true, false],
            [true, true, true, true, true, true, true, true],
        ]))
        #expect(network.codes(for: Self.inputs, selection: .fullyConnected) == CodeMatrix(bits: [[true, true], [false, true]]))
        #expect(network.codes(for: Self.inputs, selection: .layers(["fc", "conv"])) == network.codes(for: Self.inputs))
        guard case .failure(let unknown) = CodeSelection.layers(["conv9"]).select(from: network.codeGroups) else {
            Issue.record("an unknown layer name was accepted")
            return
        }
        #expect(unknown == UnknownCodeLayers(names: ["conv9"], known: ["conv", "fc"]))
    }

    @Test("codes do not depend on the evaluation batch size")
    func batchIndependence() {
        let vgg = VGGConfiguration(variant: .vgg11, widthMultiplier: 1.0 / 32)
        let network = Network(description: vgg.network(inputShape: TensorShape(channels: 1, height: 28, width: 28), classCount: 10), seed: 3)
        let features = ModelTestSupport.gaussianMatrix(rows: 7, columns: 784, seed: 1)
        #expect(network.codes(for: features, batchSize: 3) == network.codes(for: features))
        #expect(network.codes(for: features).bitCount == network.codeLength)
    }
}
