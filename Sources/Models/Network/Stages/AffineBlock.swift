/// The arithmetic shared by Linear and convolution blocks: `z = X W` over `rows x inputCount`
/// inputs, then bias, or BatchNorm in place of the bias, then an optional activation, each
/// block's element-wise work fused into one or two passes over `z`.
///
/// For a Linear block the rows are the batch's examples; for a convolution they are its pixels
/// and `X` the im2col packing. Parameters follow ``ParameterLayout``: weights
/// (`inputCount x outputCount`, row-major), bias, then BatchNorm's scale and shift.
struct AffineBlock: Sendable {
    /// Where the block's parameters sit.
    let layer: ParameterLayout.Layer
    /// BatchNorm after the product, if any.
    let batchNorm: BatchNormSettings?
    /// The activation at the end, if any.
    let activation: Activation?

    private var units: Int { layer.outputCount }
    /// The element-wise map after BatchNorm: the identity is a LeakyReLU of slope 1.
    private var effectiveActivation: Activation { activation ?? .leakyReLU(slope: 1) }

    /// Floats kept for backward over `rows` rows: BatchNorm's normalised values and its three vectors.
    func scratchCount(rows: Int, training: Bool) -> Int {
        guard batchNorm != nil else { return 0 }
        return (training ? rows * units : 0) + 3 * units
    }

    /// Draws weights uniformly in `±limit(fanIn, fanOut)` in row-major order; biases and shifts
    /// start at 0, scales at 1.
    func initialize(_ parameters: UnsafeMutablePointer<Float>, limit: Float, random: inout RandomStream) {
        for index in layer.weights { parameters[index] = (2 * random.nextUnitFloat() - 1) * limit }
        if let scale = layer.scale { for index in scale { parameters[index] = 1 } }
    }

    /// `output = activation(BN(input W) or input W + b)` over `rows` rows.
    func forward(rows: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
                 scratch: UnsafeMutablePointer<Float>, _ parameters: StageParameters, training: Bool) {
        let z = productDestination(rows: rows, output: output, scratch: scratch, training: training)
        BLAS.gemm(rows: rows, columns: units, inner: layer.inputCount, input, parameters.values + layer.weights.lowerBound, into: z)
        finishForward(rows: rows, output: output, scratch: scratch, parameters, training: training)
    }

    /// Where ``finishForward`` expects the product `z = X W` (`rows x units`): the scratch in
    /// training with BatchNorm (its batch statistics need `z` kept), else the output.
    func productDestination(rows: Int, output: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
                            training: Bool) -> UnsafeMutablePointer<Float> {
        batchNorm != nil && training ? scratch : output
    }

    /// Everything after the product, which must sit at ``productDestination``: bias or
    /// BatchNorm, then the activation, into `output`.
    func finishForward(rows: Int, output: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
                       _ parameters: StageParameters, training: Bool) {
        let p = parameters.values
        let bias = p + layer.bias.lowerBound
        guard let settings = batchNorm, let scale = layer.scale, let shift = layer.shift, let statistics = layer.statistics else {
            if let activation {
                Kernels.addBiasAndActivate(output, rows: rows, columns: units, bias: bias, activation: activation)
            } else {
                Kernels.addRowVector(output, rows: rows, columns: units, bias)
            }
            return
        }
        if training {
            let z = scratch, vectors = scratch + rows * units
            Kernels.batchNormTrainingForward(
                z, rows: rows, columns: units, scale: p + scale.lowerBound, shift: p + shift.lowerBound,
                epsilon: settings.epsilon, mean: vectors, variance: vectors + units, inverseStd: vectors + 2 * units,
                activation: effectiveActivation, output: output)
            if let runningMean = parameters.runningMean, let runningVariance = parameters.runningVariance {
                Kernels.updateRunningStatistics(
                    runningMean: runningMean + statistics.lowerBound, runningVariance: runningVariance + statistics.lowerBound,
                    columns: units, batchMean: vectors, batchVariance: vectors + units, bias: bias, momentum: settings.momentum)
            }
        } else {
            guard let runningMean = parameters.runningMean, let runningVariance = parameters.runningVariance else {
                preconditionFailure("AffineBlock: evaluation with BatchNorm needs the running statistics")
            }
            let folded = scratch
            Kernels.foldEvaluationBatchNorm(
                bias: bias, scale: p + scale.lowerBound, shift: p + shift.lowerBound,
                runningMean: runningMean + statistics.lowerBound, runningVariance: runningVariance + statistics.lowerBound,
                epsilon: settings.epsilon, columns: units, foldedScale: folded, foldedShift: folded + units)
            Kernels.scaleShiftAndActivate(output, rows: rows, columns: units, scale: folded, shift: folded + units,
                                          activation: effectiveActivation, into: output)
        }
    }

    /// Turns `gradient` (dLoss/dOutput, in place) into dLoss/dz, writes the bias and BatchNorm
    /// gradients and `dW = inputᵀ dz`, and, unless `inputGradient` is nil, `dInput = dz Wᵀ`.
    func backward(rows: Int, input: UnsafePointer<Float>, output: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>,
                  gradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
                  _ parameters: StageParameters) {
        let gradients = backwardToProduct(rows: rows, output: output, scratch: scratch, gradient: gradient, parameters)
        let p = parameters.values
        BLAS.gemm(rows: layer.inputCount, columns: units, inner: rows,
                  input, transposeA: true, gradient, into: gradients + layer.weights.lowerBound)
        if let inputGradient {
            BLAS.gemm(rows: rows, columns: layer.inputCount, inner: units,
                      gradient, p + layer.weights.lowerBound, transposeB: true, into: inputGradient)
        }
    }

    /// The part of ``backward`` before the products: turns `gradient` into dLoss/dz in place and
    /// writes the bias and BatchNorm gradients; returns the gradient vector.
    func backwardToProduct(rows: Int, output: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>,
                           gradient: UnsafeMutablePointer<Float>, _ parameters: StageParameters) -> UnsafeMutablePointer<Float> {
        guard let gradients = parameters.gradients else { preconditionFailure("AffineBlock: backward without gradients") }
        let p = parameters.values
        if let scale = layer.scale, let shift = layer.shift {
            let vectors = scratch + rows * units
            Kernels.batchNormTrainingBackward(
                gradient, rows: rows, columns: units, normalised: scratch, output: output, activation: effectiveActivation,
                scale: p + scale.lowerBound, inverseStd: vectors + 2 * units,
                scaleGradient: gradients + scale.lowerBound, shiftGradient: gradients + shift.lowerBound,
                biasGradient: gradients + layer.bias.lowerBound)
        } else if let activation {
            Kernels.activationBackward(gradient, output: output, rows: rows, columns: units, activation: activation,
                                       columnSums: gradients + layer.bias.lowerBound)
        } else {
            Kernels.columnSums(gradient, rows: rows, columns: units, into: gradients + layer.bias.lowerBound)
        }
        return gradients
    }
}
