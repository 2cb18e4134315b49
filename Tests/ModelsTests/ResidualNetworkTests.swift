import Testing
@testable import Models

/// Residual blocks end to end: gradient checks for every shortcut kind (identity, 1x1
/// projection, option A's zero channels) at stride 1 and 2 and odd sizes, a small ResNet of
/// the family, and the codes of a hand-built block on hand-picked inputs.
@Suite("Residual networks: gradient checks and codes")
struct ResidualNetworkTests {
    typealias Case = ConvolutionalNetworkTests.Case

    static let stem: [Layer] = [.convolution3x3(channels: 3), .batchNorm(BatchNormSettings()), .activation(.relu)]

    static let cases: [Case] = [
        Case(name: "identity shortcut, stride 1", input: TensorShape(channels: 2, height: 5, width: 5),
             layers: stem + [.residual(ResidualBlock(channels: 3)), .globalAveragePool, .linear(units: 3)]),
        Case(name: "projection shortcut, stride 2", input: TensorShape(channels: 2, height: 6, width: 6),
             layers: stem + [.residual(ResidualBlock(channels: 4, stride: 2, shortcut: .projection)), .globalAveragePool,
                             .linear(units: 3)]),
        Case(name: "zero-pad shortcut, stride 2 on an odd map, then identity", input: TensorShape(channels: 1, height: 7, width: 7),
             layers: stem + [.residual(ResidualBlock(channels: 5, stride: 2, shortcut: .zeroPad)),
                             .residual(ResidualBlock(channels: 5)), .flatten, .linear(units: 3)]),
        Case(name: "a residual block first (no input gradient), zero-pad at stride 1", input: TensorShape(channels: 2, height: 4, width: 4),
             layers: [.residual(ResidualBlock(channels: 3, shortcut: .zeroPad)), .globalAveragePool, .linear(units: 3)]),
    ]

    static func check(_ description: NetworkDescription, rows: Int = 6, indices: [Int]? = nil,
                      step: Float = 2e-3) -> NetworkGradientCheck.Outcome {
        let network = NetworkGradientCheck.perturbed(Network(description: description, seed: 11))
        let features = ModelTestSupport.gaussianMatrix(rows: rows, columns: description.inputCount, seed: 3)
        let labels = (0..<rows).map { Int32($0 % description.classCount) }
        return NetworkGradientCheck.run(network, features: features, labels: labels, indices: indices, step: step)
    }

    @Test("analytic gradients match finite differences for every parameter", arguments: cases)
    func gradientsMatch(_ testCase: Case) {
        let layers = testCase.layers.enumerated().map { NamedLayer("l\($0.offset)", $0.element) }
        let outcome = Self.check(NetworkDescription(inputShape: testCase.input, layers: layers, initializer: .heUniform))
        #expect(outcome.checked >= outcome.tried * 7 / 10, "too many kinks: \(outcome.checked) of \(outcome.tried)")
        #expect(outcome.worstRelative < 2e-2, "worst relative error \(outcome.worstRelative)")
        #expect(outcome.vectorRelative < 2e-3, "relative error of the gradient vector \(outcome.vectorRelative)")
    }

    @Test("a narrow ResNet20 of the family passes the gradient check on sampled parameters")
    func smallResNet() {
        let description = ResNetConfiguration(variant: .resnet20, widthMultiplier: 0.125)
            .network(inputShape: TensorShape(channels: 1, height: 6, width: 6), classCount: 3)
        let count = description.parameterCount
        // Twenty ReLU maps under batch statistics: a step moves many kinks, so fewer coordinates count.
        let outcome = Self.check(description, rows: 4, indices: Array(stride(from: 0, to: count, by: max(1, count / 150))), step: 1e-3)
        #expect(outcome.checked >= outcome.tried / 3, "too many kinks: \(outcome.checked) of \(outcome.tried)")
        #expect(outcome.worstRelative < 3e-2, "worst relative error \(outcome.worstRelative)")
        #expect(outcome.vectorRelative < 3e-3, "relative error of the gradient vector \(outcome.vectorRelative)")
    }

    @Test("blocks that do not fit their input are rejected with the block's name")
    func invalidBlocks() {
        func reason(_ block: ResidualBlock, channels: Int = 2) -> String? {
            NetworkDescription.unchecked(inputShape: TensorShape(channels: channels, height: 4, width: 4),
                                         layers: [NamedLayer("b", .residual(block)), NamedLayer("gap", .globalAveragePool),
                                                  NamedLayer("out", .linear(units: 2))]).invalidityReason
        }
        #expect(reason(ResidualBlock(channels: 3))?.contains("b: an identity shortcut needs stride 1") == true)
        #expect(reason(ResidualBlock(channels: 2, stride: 2))?.contains("use projection or zero_pad") == true)
        #expect(reason(ResidualBlock(channels: 1, shortcut: .zeroPad))?.contains("cannot drop channels") == true)
        #expect(reason(ResidualBlock(channels: 2, stride: 3, shortcut: .projection))?.contains("must be 1 or 2") == true)
        #expect(reason(ResidualBlock(channels: 4, stride: 2, shortcut: .zeroPad)) == nil)
    }
}
