import Testing
@testable import Models

/// The convolution layer against a direct six-loop convolution, and its gradients against
/// finite differences, for stride 1 and 2, padding 0 and 1, and odd sizes.
@Suite("Convolution2D: im2col through BLAS")
struct ConvolutionTests {
    static let shapes = [
        ConvolutionShape(inputChannels: 2, height: 5, width: 7, outputChannels: 3, stride: 1, padding: 1),
        ConvolutionShape(inputChannels: 3, height: 6, width: 5, outputChannels: 2, stride: 2, padding: 1),
        ConvolutionShape(inputChannels: 1, height: 4, width: 4, outputChannels: 2, stride: 1, padding: 0),
        ConvolutionShape(inputChannels: 2, height: 7, width: 7, outputChannels: 4, stride: 2, padding: 0),
    ]

    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var random = RandomStream(seed: seed, streamIndex: 0)
        return (0..<count).map { _ in random.nextUnitFloat() * 2 - 1 }
    }

    static func layer(_ shape: ConvolutionShape) -> Convolution2D {
        Convolution2D(shape: shape, weights: values(shape.weightCount, seed: 1), bias: values(shape.outputChannels, seed: 2))
    }

    /// The convolution by its definition.
    static func direct(_ input: [Float], _ layer: Convolution2D, batch: Int) -> [Float] {
        let s = layer.shape
        var output = [Float](repeating: 0, count: batch * s.outputCount)
        for n in 0..<batch {
            for o in 0..<s.outputChannels {
                for y in 0..<s.outputHeight {
                    for x in 0..<s.outputWidth {
                        var sum = Double(layer.bias[o])
                        for c in 0..<s.inputChannels {
                            for i in 0..<s.kernel {
                                for j in 0..<s.kernel {
                                    let (iy, ix) = (y * s.stride - s.padding + i, x * s.stride - s.padding + j)
                                    guard iy >= 0, iy < s.height, ix >= 0, ix < s.width else { continue }
                                    let w = layer.weights[o * s.patchSize + (c * s.kernel + i) * s.kernel + j]
                                    sum += Double(w) * Double(input[n * s.inputCount + (c * s.height + iy) * s.width + ix])
                                }
                            }
                        }
                        output[n * s.outputCount + (o * s.outputHeight + y) * s.outputWidth + x] = Float(sum)
                    }
                }
            }
        }
        return output
    }

    @Test("forward equals the direct convolution", arguments: shapes)
    func forwardMatchesDefinition(shape: ConvolutionShape) {
        let layer = Self.layer(shape)
        let input = Self.values(2 * shape.inputCount, seed: 3)
        let fast = layer.forward(input, batch: 2)
        let reference = Self.direct(input, layer, batch: 2)
        #expect(fast.count == reference.count)
        #expect(zip(fast, reference).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
    }

    @Test("input, weight and bias gradients match central differences", arguments: shapes)
    func gradientsMatchFiniteDifferences(shape: ConvolutionShape) {
        let layer = Self.layer(shape)
        var input = Self.values(2 * shape.inputCount, seed: 4)
        let direction = Self.values(2 * shape.outputCount, seed: 5)   // loss = Σ output · direction
        func loss() -> Double { zip(layer.forward(input, batch: 2), direction).reduce(0) { $0 + Double($1.0) * Double($1.1) } }
        _ = layer.forward(input, batch: 2)
        let inputGradient = layer.backward(direction, batch: 2)
        let (weightGradient, biasGradient) = (layer.weightGradient, layer.biasGradient)
        let step: Float = 1e-2
        func central(_ nudge: (Float) -> Void) -> Double {
            nudge(step); let up = loss()
            nudge(-2 * step); let down = loss()
            nudge(step)
            return (up - down) / Double(2 * step)
        }
        func close(_ analytic: Float, _ numeric: Double) -> Bool { abs(Double(analytic) - numeric) <= 2e-3 * max(1, abs(numeric)) }
        for index in input.indices {
            #expect(close(inputGradient[index], central { input[index] += $0 }), "input \(index)")
        }
        for index in layer.weights.indices {
            #expect(close(weightGradient[index], central { layer.weights[index] += $0 }), "weight \(index)")
        }
        for index in layer.bias.indices {
            #expect(close(biasGradient[index], central { layer.bias[index] += $0 }), "bias \(index)")
        }
    }
}
