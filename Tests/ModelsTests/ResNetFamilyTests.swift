import Testing
@testable import Models

/// The ResNet family's layouts (stages, shortcuts, parameter and code counts) and the codes of
/// a hand-built residual block.
@Suite("The ResNet family")
struct ResNetFamilyTests {
    static let cifar = TensorShape(channels: 3, height: 32, width: 32)

    @Test("ResNet20 has a stem, 3 stages of 3 blocks and option-A shortcuts where the shape changes")
    func resnet20Layout() throws {
        let description = ResNetConfiguration(variant: .resnet20).network(inputShape: Self.cifar, classCount: 10)
        let blocks = description.layers.compactMap { named -> (String, ResidualBlock)? in
            guard case .residual(let block) = named.layer else { return nil }
            return (named.name, block)
        }
        #expect(blocks.map(\.0) == (1...3).flatMap { stage in (1...3).map { "stage\(stage).block\($0)" } })
        #expect(blocks.map(\.1.channels) == [16, 16, 16, 32, 32, 32, 64, 64, 64])
        #expect(blocks.map(\.1.stride) == [1, 1, 1, 2, 1, 1, 2, 1, 1])
        #expect(blocks.map(\.1.shortcut) == [.identity, .identity, .identity, .zeroPad, .identity, .identity, .zeroPad, .identity, .identity])
        // Every ReLU map: the stem (16 x 32 x 32), then two per block at 32x32, 16x16 and 8x8.
        let sizes = description.sizes
        let stemBits = 16 * 1024, stageBits = [16 * 1024, 32 * 256, 64 * 64].map { 6 * $0 }
        #expect(sizes.codeGroups.reduce(0) { $0 + $1.units } == stemBits + stageBits.reduce(0, +))
        #expect(sizes.codeGroups.prefix(3).map(\.name) == ["stem", "stage1.block1.conv1", "stage1.block1"])
        #expect(sizes.codeGroups.allSatisfy { $0.kind == .convolution })
        // PyTorch's count (269,722, no conv bias before BatchNorm) plus hashsweep's bias per conv unit.
        let convolutionUnits: Int = 16 + 6 * 16 + 6 * 32 + 6 * 64
        #expect(sizes.parameterCount == 269_722 + convolutionUnits)
    }

    @Test("ResNet18 has 4 stages of 2 blocks with projection shortcuts, and the multiplier scales channels")
    func resnet18Layout() {
        let description = ResNetConfiguration(variant: .resnet18).network(inputShape: Self.cifar, classCount: 10)
        let shortcuts = description.layers.compactMap { named -> ResidualBlock.Shortcut? in
            guard case .residual(let block) = named.layer else { return nil }
            return block.shortcut
        }
        #expect(shortcuts == [.identity, .identity, .projection, .identity, .projection, .identity, .projection, .identity])
        // PyTorch's ResNet18 for CIFAR-10 has 11,173,962 parameters; add one bias per conv unit.
        let convolutionUnits: Int = 64 + 4 * 64 + 5 * 128 + 5 * 256 + 5 * 512
        #expect(description.parameterCount == 11_173_962 + convolutionUnits)
        let narrow = ResNetConfiguration(variant: .resnet18, widthMultiplier: 0.25).network(inputShape: Self.cifar, classCount: 10)
        guard case .convolution(let channels, _, _, _) = narrow.layers[0].layer else {
            Issue.record("the stem is not a convolution")
            return
        }
        #expect(channels == 16)
        // MNIST-sized maps go through without padding: 28, 14, 7, 4.
        let mnist = ResNetConfiguration(variant: .resnet18, widthMultiplier: 0.25)
            .network(inputShape: TensorShape(channels: 1, height: 28, width: 28), classCount: 10)
        #expect(mnist.sizes.codeGroups.last?.shape == TensorShape(channels: 128, height: 4, width: 4))
    }

    /// One block on 1x1 maps of two channels, so only the kernels' centre taps act:
    /// `h = relu(x0, -x1)`, `out = relu(-2 h0 + 3 h1 + x0, 2 h1 + x1)` (BatchNorm at its
    /// initial running statistics is the identity up to `1 / sqrt(1 + 1e-5)`).
    @Test("the codes of a hand-built residual block are conv1's ReLU bits, then the bits after the addition")
    func handBuiltCodes() {
        let settings = BatchNormSettings(epsilon: 1e-5)
        let description = NetworkDescription(
            inputShape: TensorShape(channels: 2, height: 1, width: 1),
            layers: [NamedLayer("block", .residual(ResidualBlock(channels: 2, batchNorm: settings))),
                     NamedLayer("flatten", .flatten), NamedLayer("output", .linear(units: 2))])
        let start = Network(description: description, seed: 1)
        var parameters = [Float](repeating: 0, count: start.parameters.count)
        let conv1 = start.layout.layers[0], conv2 = start.layout.layers[1]
        let centre = 4 * 2  // tap (1, 1) of a 3x3 kernel over 2 channels
        func weight(_ block: ParameterLayout.Layer, input: Int, unit: Int, _ value: Float) {
            parameters[block.weights.lowerBound + (centre + input) * 2 + unit] = value
        }
        weight(conv1, input: 0, unit: 0, 1)
        weight(conv1, input: 1, unit: 1, -1)
        weight(conv2, input: 0, unit: 0, -2)
        weight(conv2, input: 1, unit: 0, 3)
        weight(conv2, input: 1, unit: 1, 2)
        for block in [conv1, conv2] { for index in block.scale! { parameters[index] = 1 } }
        let network = Network(description: description, parameters: parameters,
                              runningMean: [Float](repeating: 0, count: start.runningMean.count),
                              runningVariance: [Float](repeating: 1, count: start.runningVariance.count))
        #expect(network.codeGroups.map(\.name) == ["block.conv1", "block"])
        let inputs: [[Float]] = [[1, 1], [-1, -1], [-0.5, 0.5], [2, -1], [0.5, -0.1]]
        let expected: [[Bool]] = [
            [true, false, false, true],   // h = (1, 0); out = (-1, 1)
            [false, true, true, true],    // h = (0, 1); out = (2, 1)
            [false, false, false, true],  // h = (0, 0); out = (-0.5, 0.5)
            [true, true, true, true],     // h = (2, 1); out = (1, 1)
            [true, true, false, true],    // h = (0.5, 0.1); out = (-0.2, 0.1)
        ]
        let codes = network.codes(for: Matrix(inputs))
        for (row, bits) in expected.enumerated() {
            #expect((0..<4).map { codes.bit(row: row, bit: $0) } == bits, "input \(inputs[row])")
        }
    }
}
