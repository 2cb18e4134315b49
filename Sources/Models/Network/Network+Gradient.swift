extension Network {
    /// The mean softmax cross-entropy of one batch in training mode and its gradient with
    /// respect to every parameter (``ParameterLayout`` order).
    ///
    /// BatchNorm uses the batch's statistics; the network's running statistics are left
    /// untouched. Dropout draws its masks from a fresh copy of `dropout`, so calls with the same
    /// stream see the same masks (as a finite-difference check needs). Also returns the batch's
    /// activation pattern (`h > 0` per row and coded unit, code groups in order, each
    /// `rows x units`, then the window position each max pool's output took) so that a gradient
    /// check can tell when a finite difference crossed a kink.
    public func lossAndGradient(features: Matrix, labels: [Int32],
                                dropout: RandomStream = RandomStream(seed: 0, purpose: .dropout))
        -> (loss: Double, gradient: [Float], pattern: [Bool]) {
        precondition(features.columns == description.inputCount && features.rows == labels.count && features.rows > 0,
                     "Network: bad batch shape \(features.rows)x\(features.columns) with \(labels.count) labels")
        let rows = features.rows
        let workspace = NetworkWorkspace(plan: plan, capacity: rows, training: true)
        var scratch = [Float](repeating: 0, count: workspace.count)
        var random = dropout
        var pattern: [Bool] = []
        let lossSum = scratch.withUnsafeMutableBufferPointer { scratch in
            parameters.withUnsafeBufferPointer { parameters in
                let pass = NetworkPass(plan: plan, workspace: workspace, parameters: parameters.baseAddress!,
                                       scratch: scratch.baseAddress!)
                features.storage.withUnsafeBufferPointer { pass.input.update(from: $0.baseAddress!, count: $0.count) }
                withUnsafeMutablePointer(to: &random) { random in
                    pass.forwardTraining(rows: rows, runningMean: nil, runningVariance: nil, random: random)
                }
                for group in plan.codeGroups {
                    let outputs = UnsafeBufferPointer(start: pass.values(of: group), count: rows * group.units)
                    pattern.append(contentsOf: outputs.map { $0 > 0 })
                }
                for (index, stage) in plan.stages.enumerated() {
                    guard let pool = stage as? MaxPoolStage else { continue }
                    let input = index == 0 ? UnsafePointer(pass.input) : pass.output(ofStage: index - 1)
                    for winner in pool.winners(input, rows: rows) { pattern += [winner & 1 != 0, winner & 2 != 0] }
                }
                let result = labels.withUnsafeBufferPointer { labels in
                    Kernels.softmaxCrossEntropy(pass.logits, rows: rows, classes: description.classCount,
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
    public func settingParameter(_ index: Int, to value: Float) -> Network {
        var copy = self
        copy.parameters[index] = value
        return copy
    }
}
