import Testing
@testable import Models

/// The convolution stage (channel-last im2col through one BLAS product per batch) against the
/// direct six-loop convolution, and its gradients against central differences, for stride 1
/// and 2, padding 0 and 1, and odd sizes.
@Suite("Convolution: im2col through BLAS, channel-last")
struct ConvolutionTests {
    static let shapes = [
        ConvolutionShape(inputChannels: 2, height: 5, width: 7, outputChannels: 3, stride: 1, padding: 1),
        ConvolutionShape(inputChannels: 3, height: 6, width: 5, outputChannels: 2, stride: 2, padding: 1),
        ConvolutionShape(inputChannels: 1, height: 4, width: 4, outputChannels: 2, stride: 1, padding: 0),
        ConvolutionShape(inputChannels: 2, height: 7, width: 7, outputChannels: 4, stride: 2, padding: 0),
    ]

    /// A convolution stage with a bias and no BatchNorm or activation.
    static func stage(_ shape: ConvolutionShape) -> ConvolutionStage {
        let layout = ParameterLayout(blocks: [(shape.patchSize, shape.outputChannels, false)])
        return ConvolutionStage(name: "conv", geometry: shape,
                                block: AffineBlock(layer: layout.layers[0], batchNorm: nil, activation: nil))
    }

    /// The convolution by its definition, HWC in and out.
    static func direct(_ input: [Float], _ parameters: [Float], _ s: ConvolutionShape, batch: Int) -> [Float] {
        let biasStart = s.weightCount
        var output = [Float](repeating: 0, count: batch * s.outputCount)
        for n in 0..<batch {
            for y in 0..<s.outputHeight {
                for x in 0..<s.outputWidth {
                    for o in 0..<s.outputChannels {
                        var sum = Double(parameters[biasStart + o])
                        for i in 0..<s.kernel {
                            for j in 0..<s.kernel {
                                let (iy, ix) = (y * s.stride - s.padding + i, x * s.stride - s.padding + j)
                                guard iy >= 0, iy < s.height, ix >= 0, ix < s.width else { continue }
                                for c in 0..<s.inputChannels {
                                    let w = parameters[((i * s.kernel + j) * s.inputChannels + c) * s.outputChannels + o]
                                    sum += Double(w) * Double(input[n * s.inputCount + (iy * s.width + ix) * s.inputChannels + c])
                                }
                            }
                        }
                        output[n * s.outputCount + (y * s.outputWidth + x) * s.outputChannels + o] = Float(sum)
                    }
                }
            }
        }
        return output
    }

    @Test("forward equals the direct convolution", arguments: shapes)
    func forwardMatchesDefinition(shape: ConvolutionShape) {
        let harness = StageHarness(Self.stage(shape))
        let input = StageHarness.values(2 * shape.inputCount, seed: 3)
        let fast = harness.run(input, rows: 2).output
        let reference = Self.direct(input, harness.parameters, shape, batch: 2)
        #expect(fast.count == reference.count)
        #expect(zip(fast, reference).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
    }

    @Test("input, weight and bias gradients match central differences", arguments: shapes)
    func gradientsMatchFiniteDifferences(shape: ConvolutionShape) {
        let harness = StageHarness(Self.stage(shape))
        let input = StageHarness.values(2 * shape.inputCount, seed: 4)
        let direction = StageHarness.values(2 * shape.outputCount, seed: 5)   // loss = Σ output · direction
        let result = harness.run(input, rows: 2, outputGradient: direction)
        func close(_ analytic: Float, _ numeric: Double) -> Bool { abs(Double(analytic) - numeric) <= 2e-3 * max(1, abs(numeric)) }
        for index in input.indices {
            #expect(close(result.inputGradient[index], harness.centralDifference(input, rows: 2, direction: direction, input: index)),
                    "input \(index)")
        }
        for index in harness.parameters.indices {
            #expect(close(result.parameterGradient[index],
                          harness.centralDifference(input, rows: 2, direction: direction, parameter: index)), "parameter \(index)")
        }
    }
}
