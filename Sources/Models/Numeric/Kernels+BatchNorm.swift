extension Kernels {
    /// BatchNorm forward in training mode, for one hidden layer.
    ///
    /// On entry `z` holds the batch's pre-activations without bias; on return it
    /// holds the normalised values `(z - mean) * inverseStd`, and `output` holds
    /// `activation(scale * normalised + shift)`. The batch mean and biased
    /// variance are written to `mean` and `variance`, and `inverseStd` to
    /// `1 / sqrt(variance + epsilon)`. The bias cancels in the normalisation, so
    /// it only enters the running mean (see ``updateRunningStatistics``).
    static func batchNormTrainingForward(
        _ z: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
        scale: UnsafePointer<Float>, shift: UnsafePointer<Float>, epsilon: Float,
        mean: UnsafeMutablePointer<Float>, variance: UnsafeMutablePointer<Float>,
        inverseStd: UnsafeMutablePointer<Float>,
        activation: Activation, output: UnsafeMutablePointer<Float>
    ) {
        columnSums(z, rows: rows, columns: columns, into: mean)
        let inverseRows = 1 / Float(rows)
        for c in 0..<columns { mean[c] *= inverseRows }
        variance.update(repeating: 0, count: columns)
        for r in 0..<rows {
            let row = z + r * columns
            for c in 0..<columns {
                let d = row[c] - mean[c]
                variance[c] += d * d
            }
        }
        for c in 0..<columns {
            variance[c] *= inverseRows
            inverseStd[c] = 1 / (variance[c] + epsilon).squareRoot()
        }
        let slope = activation.negativeSlope
        for r in 0..<rows {
            let row = z + r * columns, out = output + r * columns
            for c in 0..<columns {
                let normalised = (row[c] - mean[c]) * inverseStd[c]
                row[c] = normalised
                let h = normalised * scale[c] + shift[c]
                out[c] = h > 0 ? h : slope * h
            }
        }
    }

    /// Keras-style running update: `running = momentum * running + (1 - momentum) * batch`,
    /// with the batch mean of `z + bias`.
    static func updateRunningStatistics(
        runningMean: UnsafeMutablePointer<Float>, runningVariance: UnsafeMutablePointer<Float>, columns: Int,
        batchMean: UnsafePointer<Float>, batchVariance: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        momentum: Float
    ) {
        let keep = momentum, take = 1 - momentum
        for c in 0..<columns {
            runningMean[c] = keep * runningMean[c] + take * (batchMean[c] + bias[c])
            runningVariance[c] = keep * runningVariance[c] + take * batchVariance[c]
        }
    }

    /// Evaluation-mode BatchNorm folded with the bias into a per-column affine map:
    /// `h = z * scale' + shift'` with `scale' = gamma / sqrt(runningVariance + epsilon)`
    /// and `shift' = beta + (bias - runningMean) * scale'`.
    static func foldEvaluationBatchNorm(
        bias: UnsafePointer<Float>, scale: UnsafePointer<Float>, shift: UnsafePointer<Float>,
        runningMean: UnsafePointer<Float>, runningVariance: UnsafePointer<Float>, epsilon: Float, columns: Int,
        foldedScale: UnsafeMutablePointer<Float>, foldedShift: UnsafeMutablePointer<Float>
    ) {
        for c in 0..<columns {
            let s = scale[c] / (runningVariance[c] + epsilon).squareRoot()
            foldedScale[c] = s
            foldedShift[c] = shift[c] + (bias[c] - runningMean[c]) * s
        }
    }

    /// BatchNorm and activation backward in training mode, in place.
    ///
    /// On entry `gradient` holds dLoss/dOutput of the activation; on return it
    /// holds dLoss/dz (the pre-BatchNorm pre-activation). Writes dLoss/dgamma,
    /// dLoss/dbeta and dLoss/dbias (the column sums of dz) to their slots.
    static func batchNormTrainingBackward(
        _ gradient: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
        normalised: UnsafePointer<Float>, output: UnsafePointer<Float>, activation: Activation,
        scale: UnsafePointer<Float>, inverseStd: UnsafePointer<Float>,
        scaleGradient: UnsafeMutablePointer<Float>, shiftGradient: UnsafeMutablePointer<Float>,
        biasGradient: UnsafeMutablePointer<Float>
    ) {
        let slope = activation.negativeSlope
        shiftGradient.update(repeating: 0, count: columns)
        scaleGradient.update(repeating: 0, count: columns)
        for r in 0..<rows {
            let g = gradient + r * columns, x = normalised + r * columns, out = output + r * columns
            for c in 0..<columns {
                let value = g[c] * derivative(output: out[c], slope: slope)
                g[c] = value
                shiftGradient[c] += value
                scaleGradient[c] += value * x[c]
            }
        }
        // dz = gamma * inverseStd / n * (n * g - Σg - x * Σ(g x))
        let inverseRows = 1 / Float(rows)
        biasGradient.update(repeating: 0, count: columns)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * columns) { temporary in
            let factor = temporary.baseAddress!, meanG = factor + columns, meanGX = meanG + columns
            for c in 0..<columns {
                factor[c] = scale[c] * inverseStd[c]
                meanG[c] = shiftGradient[c] * inverseRows
                meanGX[c] = scaleGradient[c] * inverseRows
            }
            for r in 0..<rows {
                let g = gradient + r * columns, x = normalised + r * columns
                for c in 0..<columns {
                    let dz = factor[c] * (g[c] - meanG[c] - x[c] * meanGX[c])
                    g[c] = dz
                    biasGradient[c] += dz
                }
            }
        }
    }
}
