/// Forward and backward propagation of one batch through an MLP, over raw
/// pointers into the network's parameters and scratch memory laid out by a ``WorkspaceLayout``.
///
/// Valid only inside the `withUnsafe…` closures that produced its pointers.
/// The input batch must already sit in the workspace's input buffer.
struct Propagation {
    let configuration: MLPConfiguration
    let layout: ParameterLayout
    let workspace: WorkspaceLayout
    let parameters: UnsafePointer<Float>
    let scratch: UnsafeMutablePointer<Float>

    /// Pointer to the workspace buffer at `offset`.
    @inline(__always)
    private func buffer(_ offset: Int) -> UnsafeMutablePointer<Float> {
        precondition(offset >= 0, "Propagation: buffer missing from this workspace")
        return scratch + offset
    }

    /// The input of hidden layer `index` (or of the output layer when `index == depth`).
    private func layerInput(_ index: Int) -> UnsafeMutablePointer<Float> {
        index == 0 ? buffer(workspace.input) : buffer(workspace.outputs[index - 1])
    }

    /// The logits of the last forward pass.
    var logits: UnsafeMutablePointer<Float> { buffer(workspace.logits) }

    /// The activation outputs of hidden layer `index` after the last forward pass.
    func outputs(ofHiddenLayer index: Int) -> UnsafePointer<Float> { UnsafePointer(buffer(workspace.outputs[index])) }

    /// Forward pass in training mode: BatchNorm uses batch statistics and updates the running ones.
    func forwardTraining(rows: Int, runningMean: UnsafeMutablePointer<Float>?, runningVariance: UnsafeMutablePointer<Float>?) {
        precondition(rows > 0 && rows <= workspace.capacity && workspace.training, "Propagation: bad training batch")
        let activation = configuration.activation
        for (index, layer) in layout.hidden.enumerated() {
            let width = layer.outputCount
            let output = buffer(workspace.outputs[index])
            let weights = parameters + layer.weights.lowerBound, bias = parameters + layer.bias.lowerBound
            guard let settings = configuration.batchNorm, let scale = layer.scale, let shift = layer.shift,
                  let statistics = layer.statistics, let runningMean, let runningVariance
            else {
                BLAS.gemm(rows: rows, columns: width, inner: layer.inputCount,
                          layerInput(index), weights, into: output)
                Kernels.addBiasAndActivate(output, rows: rows, columns: width, bias: bias, activation: activation)
                continue
            }
            let z = buffer(workspace.preActivations[index])
            let vectors = buffer(workspace.unitVectors[index])
            BLAS.gemm(rows: rows, columns: width, inner: layer.inputCount, layerInput(index), weights, into: z)
            Kernels.batchNormTrainingForward(
                z, rows: rows, columns: width,
                scale: parameters + scale.lowerBound, shift: parameters + shift.lowerBound, epsilon: settings.epsilon,
                mean: vectors, variance: vectors + width, inverseStd: vectors + 2 * width,
                activation: activation, output: output)
            Kernels.updateRunningStatistics(
                runningMean: runningMean + statistics.lowerBound, runningVariance: runningVariance + statistics.lowerBound,
                columns: width, batchMean: vectors, batchVariance: vectors + width, bias: bias,
                momentum: settings.momentum)
        }
        forwardOutputLayer(rows: rows)
    }

    /// Forward pass in evaluation mode: BatchNorm uses the running statistics.
    func forwardEvaluation(rows: Int, runningMean: UnsafePointer<Float>?, runningVariance: UnsafePointer<Float>?) {
        precondition(rows > 0 && rows <= workspace.capacity, "Propagation: bad evaluation batch")
        let activation = configuration.activation
        for (index, layer) in layout.hidden.enumerated() {
            let width = layer.outputCount
            let output = buffer(workspace.outputs[index])
            let weights = parameters + layer.weights.lowerBound, bias = parameters + layer.bias.lowerBound
            BLAS.gemm(rows: rows, columns: width, inner: layer.inputCount, layerInput(index), weights, into: output)
            guard let settings = configuration.batchNorm, let scale = layer.scale, let shift = layer.shift,
                  let statistics = layer.statistics, let runningMean, let runningVariance
            else {
                Kernels.addBiasAndActivate(output, rows: rows, columns: width, bias: bias, activation: activation)
                continue
            }
            let folded = buffer(workspace.unitVectors[index])
            Kernels.foldEvaluationBatchNorm(
                bias: bias, scale: parameters + scale.lowerBound, shift: parameters + shift.lowerBound,
                runningMean: runningMean + statistics.lowerBound, runningVariance: runningVariance + statistics.lowerBound,
                epsilon: settings.epsilon, columns: width, foldedScale: folded, foldedShift: folded + width)
            Kernels.scaleShiftAndActivate(output, rows: rows, columns: width, scale: folded, shift: folded + width,
                                          activation: activation, into: output)
        }
        forwardOutputLayer(rows: rows)
    }

    private func forwardOutputLayer(rows: Int) {
        let layer = layout.output
        let logits = buffer(workspace.logits)
        BLAS.gemm(rows: rows, columns: layer.outputCount, inner: layer.inputCount,
                  layerInput(layout.hidden.count), parameters + layer.weights.lowerBound, into: logits)
        Kernels.addRowVector(logits, rows: rows, columns: layer.outputCount, parameters + layer.bias.lowerBound)
    }

    /// Backward pass after ``forwardTraining`` and a loss whose gradient
    /// (with respect to the logits) has replaced the logits; writes every
    /// parameter's gradient into the workspace's parameter-gradient buffer.
    ///
    /// `layerFinished` receives each layer's parameter range (output layer first) as soon as
    /// its gradient is complete and its parameters are no longer read, so that an optimiser
    /// can update that layer while its data is still in cache.
    func backward(rows: Int, layerFinished: (Range<Int>) -> Void = { _ in }) {
        precondition(rows > 0 && rows <= workspace.capacity && workspace.training, "Propagation: bad training batch")
        let gradients = buffer(workspace.parameterGradients)
        let activation = configuration.activation
        var upstream = buffer(workspace.logits)  // dLoss/d(pre-activation) of the current layer
        for index in stride(from: layout.hidden.count, through: 0, by: -1) {
            let layer = index == layout.hidden.count ? layout.output : layout.hidden[index]
            let width = layer.outputCount
            if index < layout.hidden.count {
                let output = buffer(workspace.outputs[index])
                if let scale = layer.scale, let shift = layer.shift {
                    let vectors = buffer(workspace.unitVectors[index])
                    Kernels.batchNormTrainingBackward(
                        upstream, rows: rows, columns: width,
                        normalised: buffer(workspace.preActivations[index]), output: output, activation: activation,
                        scale: parameters + scale.lowerBound, inverseStd: vectors + 2 * width,
                        scaleGradient: gradients + scale.lowerBound, shiftGradient: gradients + shift.lowerBound,
                        biasGradient: gradients + layer.bias.lowerBound)
                } else {
                    Kernels.activationBackward(upstream, output: output, rows: rows, columns: width, activation: activation,
                                               columnSums: gradients + layer.bias.lowerBound)
                }
            } else {
                Kernels.columnSums(upstream, rows: rows, columns: width, into: gradients + layer.bias.lowerBound)
            }
            // dW = inputᵀ · upstream
            BLAS.gemm(rows: layer.inputCount, columns: width, inner: rows,
                      layerInput(index), transposeA: true, upstream, into: gradients + layer.weights.lowerBound)
            guard index > 0 else {
                layerFinished(layer.parameters)
                break
            }
            // d(input) = upstream · Wᵀ, the previous layer's output gradient
            let below = buffer(workspace.backward[index - 1])
            BLAS.gemm(rows: rows, columns: layer.inputCount, inner: width,
                      upstream, parameters + layer.weights.lowerBound, transposeB: true, into: below)
            layerFinished(layer.parameters)
            upstream = below
        }
    }
}
