/// A 2-D convolution layer over batches of CHW examples, as one BLAS matrix product per
/// example on the im2col packing (``ConvolutionColumns``): `output = W · columns + b`, with
/// `W` of `outputChannels x patchSize`.
///
/// The packed columns of the last forward batch are kept for ``backward(_:batch:)``; they and
/// the gradient workspace grow to the largest batch seen and are then reused, so a trainer
/// allocates them once.
public final class Convolution2D {
    /// The geometry.
    public let shape: ConvolutionShape
    /// `outputChannels x patchSize`, row-major; row `o`, column `c k k + i k + j` is tap `(c, i, j)` of filter `o`.
    public var weights: [Float]
    /// One per output channel.
    public var bias: [Float]
    /// The gradient of the loss in ``weights``, from the last ``backward(_:batch:)``.
    public private(set) var weightGradient: [Float]
    /// The gradient of the loss in ``bias``, from the last ``backward(_:batch:)``.
    public private(set) var biasGradient: [Float]
    private var columns: [Float] = []
    private var columnGradient: [Float]
    private var lastBatch = 0

    /// A layer with the given parameters; `weights` must hold ``ConvolutionShape/weightCount`` values.
    public init(shape: ConvolutionShape, weights: [Float], bias: [Float]) {
        precondition(weights.count == shape.weightCount && bias.count == shape.outputChannels,
                     "Convolution2D: \(shape.weightCount) weights and \(shape.outputChannels) biases expected")
        self.shape = shape
        self.weights = weights
        self.bias = bias
        weightGradient = Array(repeating: 0, count: shape.weightCount)
        biasGradient = Array(repeating: 0, count: shape.outputChannels)
        columnGradient = Array(repeating: 0, count: shape.patchSize * shape.positions)
    }

    /// The outputs (`batch x outputCount`, CHW per example) of `input` (`batch x inputCount`).
    public func forward(_ input: [Float], batch: Int) -> [Float] {
        precondition(input.count == batch * shape.inputCount, "Convolution2D: input of \(batch) examples expected")
        let patch = shape.patchSize * shape.positions
        if columns.count < batch * patch { columns = Array(repeating: 0, count: batch * patch) }
        lastBatch = batch
        var output = [Float](repeating: 0, count: batch * shape.outputCount)
        input.withUnsafeBufferPointer { input in
            columns.withUnsafeMutableBufferPointer { columns in
                output.withUnsafeMutableBufferPointer { output in
                    for example in 0..<batch {
                        let packed = columns.baseAddress! + example * patch
                        ConvolutionColumns.pack(input.baseAddress! + example * shape.inputCount, shape: shape, into: packed)
                        let result = output.baseAddress! + example * shape.outputCount
                        for channel in 0..<shape.outputChannels {
                            (result + channel * shape.positions).update(repeating: bias[channel], count: shape.positions)
                        }
                        weights.withUnsafeBufferPointer { weights in
                            BLAS.gemm(rows: shape.outputChannels, columns: shape.positions, inner: shape.patchSize,
                                      weights.baseAddress!, UnsafePointer(packed), into: result, beta: 1)
                        }
                    }
                }
            }
        }
        return output
    }

    /// Given the gradient of the loss in the outputs of the last ``forward(_:batch:)``, sets
    /// ``weightGradient`` and ``biasGradient`` and returns the gradient in its inputs.
    public func backward(_ outputGradient: [Float], batch: Int) -> [Float] {
        precondition(batch == lastBatch && outputGradient.count == batch * shape.outputCount,
                     "Convolution2D: backward needs the gradient of the last forward batch")
        let patch = shape.patchSize * shape.positions
        var inputGradient = [Float](repeating: 0, count: batch * shape.inputCount)
        weightGradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        biasGradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        outputGradient.withUnsafeBufferPointer { gradient in
            for example in 0..<batch {
                let delta = gradient.baseAddress! + example * shape.outputCount
                for channel in 0..<shape.outputChannels {
                    biasGradient[channel] += UnsafeBufferPointer(start: delta + channel * shape.positions, count: shape.positions).reduce(0, +)
                }
                columns.withUnsafeBufferPointer { columns in
                    weightGradient.withUnsafeMutableBufferPointer { weightGradient in
                        // dW += delta · columnsᵀ
                        BLAS.gemm(rows: shape.outputChannels, columns: shape.patchSize, inner: shape.positions,
                                  delta, columns.baseAddress! + example * patch, transposeB: true,
                                  into: weightGradient.baseAddress!, beta: 1)
                    }
                }
                weights.withUnsafeBufferPointer { weights in
                    columnGradient.withUnsafeMutableBufferPointer { columnGradient in
                        // dColumns = Wᵀ · delta, then back onto the input pixels
                        BLAS.gemm(rows: shape.patchSize, columns: shape.positions, inner: shape.outputChannels,
                                  weights.baseAddress!, transposeA: true, delta, into: columnGradient.baseAddress!)
                        inputGradient.withUnsafeMutableBufferPointer { inputGradient in
                            ConvolutionColumns.accumulate(UnsafePointer(columnGradient.baseAddress!), shape: shape,
                                                          into: inputGradient.baseAddress! + example * shape.inputCount)
                        }
                    }
                }
            }
        }
        return inputGradient
    }
}
