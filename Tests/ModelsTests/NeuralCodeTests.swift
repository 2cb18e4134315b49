import Testing
@testable import Models

@Suite("Neural codes: bits h > 0 of hidden pre-activations, packed")
struct NeuralCodeTests {
    /// Two inputs, hidden layers of 3 and 2 units, 2 classes, weights set by hand.
    static func handBuilt(batchNorm: Bool) -> Network {
        let configuration = MLPConfiguration(inputCount: 2, widths: [3, 2], classCount: 2,
                                             batchNorm: batchNorm ? BatchNormSettings(epsilon: 1e-3) : nil)
        var network = Network(configuration: configuration, seed: 0)
        network.setWeights(Matrix([[1, -1, 0], [0, 1, -1]]), layer: 0)
        network.setBias([0, 0, 0.5], layer: 0)
        network.setWeights(Matrix([[1, -1], [1, 1], [-1, 0]]), layer: 1)
        network.setBias([-0.5, 0], layer: 1)
        network.setWeights(Matrix([[1, 0], [0, 1]]), layer: 2)
        return network
    }

    static let inputs = Matrix([[1, 0], [0, 1], [-1, -1], [2, 3]])

    @Test("without BatchNorm the bits are the signs of Linear outputs")
    func handBuiltWithoutBatchNorm() {
        // Layer 1: h = (x0, x1 - x0, 0.5 - x1); layer 2 on relu(h): (a0 + a1 - a2 - 0.5, a1 - a0).
        // (1, 0):  h1 = (1, -1, 0.5)  -> 101, a = (1, 0, 0.5), h2 = (0, -1)   -> 00 (h = 0 is off)
        // (0, 1):  h1 = (0, 1, -0.5)  -> 010, a = (0, 1, 0),   h2 = (0.5, 1) -> 11
        // (-1,-1): h1 = (-1, 0, 1.5)  -> 001, a = (0, 0, 1.5), h2 = (-2, 0)  -> 00
        // (2, 3):  h1 = (2, 1, -2.5)  -> 110, a = (2, 1, 0),   h2 = (2.5, -1) -> 10
        let codes = Self.handBuilt(batchNorm: false).codes(for: Self.inputs)
        #expect(codes == CodeMatrix(bits: [
            [true, false, true, false, false],
            [false, true, false, true, true],
            [false, false, true, false, false],
            [true, true, false, true, false],
        ]))
    }

    @Test("with BatchNorm the bits are the signs after normalising with the running statistics")
    func handBuiltWithBatchNorm() {
        var network = Self.handBuilt(batchNorm: true)
        // Layer 1: h = gamma * (z - mean) / sqrt(var + 1e-3) + beta with z = Linear output.
        network.setBatchNorm(layer: 0, scale: [1, -1, 2], shift: [0, 0, -0.5],
                             runningMean: [0.5, 0, 0], runningVariance: [0.999, 0.999, 0.999])
        // Layer 2: identity-like normalisation shifted by beta.
        network.setBatchNorm(layer: 1, scale: [1, 1], shift: [-1, 0.25],
                             runningMean: [0, 0], runningVariance: [0.999, 0.999])
        // Layer 1 (sqrt(var + eps) = 1): h = (z0 - 0.5, -z1, 2 z2 - 0.5) with z = (x0, x1 - x0, 0.5 - x1)
        // (1, 0):  z = (1, -1, 0.5)  h1 = (0.5, 1, 0.5)    -> 111, a = (0.5, 1, 0.5), z2 = (0.5, 0.5)  h2 = (-0.5, 0.75) -> 01
        // (0, 1):  z = (0, 1, -0.5)  h1 = (-0.5, -1, -1.5) -> 000, a = 0,             z2 = (-0.5, 0)   h2 = (-1.5, 0.25) -> 01
        // (-1,-1): z = (-1, 0, 1.5)  h1 = (-1.5, 0, 2.5)   -> 001, a = (0, 0, 2.5),   z2 = (-3, 0)     h2 = (-4, 0.25)   -> 01
        // (2, 3):  z = (2, 1, -2.5)  h1 = (1.5, -1, -5.5)  -> 100, a = (1.5, 0, 0),   z2 = (1, -1.5)   h2 = (0, -1.25)   -> 00
        let codes = network.codes(for: Self.inputs)
        #expect(codes == CodeMatrix(bits: [
            [true, true, true, false, true],
            [false, false, false, false, true],
            [false, false, true, false, true],
            [true, false, false, false, false],
        ]))
    }

    /// The code bits computed naively from the weights, without BatchNorm.
    static func naiveBits(_ network: Network, _ features: Matrix) -> [[Bool]] {
        (0..<features.rows).map { row in
            var input = features.row(row)
            var bits: [Bool] = []
            for layer in 0..<network.layerCount - 1 {
                let weights = network.weights(layer: layer), bias = network.bias(layer: layer)
                let h = (0..<weights.columns).map { unit in
                    (0..<weights.rows).reduce(bias[unit]) { $0 + input[$1] * weights[$1, unit] }
                }
                bits += h.map { $0 > 0 }
                input = h.map { max($0, 0) }
            }
            return bits
        }
    }

    @Test("packing is exact at word boundaries, across layers and across evaluation batches",
          arguments: [[63], [64], [65], [130], [33, 30], [40, 24], [50, 15], [64, 66]])
    func packingAtWordBoundaries(widths: [Int]) {
        let configuration = MLPConfiguration(inputCount: 7, widths: widths, classCount: 3, initializer: .heUniform)
        var network = Network(configuration: configuration, seed: 3)
        var random = RandomStream(seed: 9, purpose: .testing)
        for layer in 0..<widths.count {
            network.setBias(network.bias(layer: layer).map { _ in Float(0.3 * random.nextGaussian()) }, layer: layer)
        }
        let features = ModelTestSupport.gaussianMatrix(rows: 23, columns: 7, seed: 4)
        let codes = network.codes(for: features)
        #expect(codes.bitCount == widths.reduce(0, +))
        #expect(codes == CodeMatrix(bits: Self.naiveBits(network, features)))
        #expect(network.codes(for: features, batchSize: 5) == codes)
        #expect(codes.words.contains { $0 != 0 } && codes.words.contains { $0 != UInt64.max })
    }
}
