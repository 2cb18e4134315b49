extension MLP {
    /// The mean softmax cross-entropy of one batch in training mode and its
    /// gradient with respect to every parameter (``ParameterLayout`` order).
    ///
    /// BatchNorm uses the batch's statistics; the network's running statistics
    /// are left untouched. Also returns the batch's activation pattern (`h > 0`
    /// per row and hidden unit, row-major, hidden layers in order) so that a
    /// gradient check can tell when a finite difference crossed a kink.
    public func lossAndGradient(features: Matrix, labels: [Int32]) -> (loss: Double, gradient: [Float], pattern: [Bool]) {
        precondition(features.columns == configuration.inputCount && features.rows == labels.count && features.rows > 0,
                     "MLP: bad batch shape \(features.rows)x\(features.columns) with \(labels.count) labels")
        let rows = features.rows
        let workspace = WorkspaceLayout(layout: layout, inputCount: configuration.inputCount, capacity: rows, training: true)
        var scratch = [Float](repeating: 0, count: workspace.count)
        var discardedMean = runningMean, discardedVariance = runningVariance
        var pattern: [Bool] = []
        let lossSum = scratch.withUnsafeMutableBufferPointer { scratch in
            let base = scratch.baseAddress!
            features.storage.withUnsafeBufferPointer { (base + workspace.input).update(from: $0.baseAddress!, count: $0.count) }
            return parameters.withUnsafeBufferPointer { parameters in
                let pass = Propagation(configuration: configuration, layout: layout, workspace: workspace,
                                       parameters: parameters.baseAddress!, scratch: base)
                discardedMean.withUnsafeMutableBufferPointer { mean in
                    discardedVariance.withUnsafeMutableBufferPointer { variance in
                        pass.forwardTraining(rows: rows, runningMean: mean.baseAddress, runningVariance: variance.baseAddress)
                    }
                }
                for (index, width) in configuration.widths.enumerated() {
                    let outputs = UnsafeBufferPointer(start: pass.outputs(ofHiddenLayer: index), count: rows * width)
                    pattern.append(contentsOf: outputs.map { $0 > 0 })
                }
                let result = labels.withUnsafeBufferPointer { labels in
                    Kernels.softmaxCrossEntropy(pass.logits, rows: rows, classes: configuration.classCount,
                                                labels: labels.baseAddress!, gradientScale: 1 / Float(rows))
                }
                pass.backward(rows: rows)
                return result.lossSum
            }
        }
        let gradient = Array(scratch[workspace.parameterGradients..<(workspace.parameterGradients + layout.parameterCount)])
        return (lossSum / Double(rows), gradient, pattern)
    }

    /// Returns a copy with parameter `index` replaced by `value` (for finite differences).
    public func settingParameter(_ index: Int, to value: Float) -> MLP {
        var copy = self
        copy.parameters[index] = value
        return copy
    }
}
