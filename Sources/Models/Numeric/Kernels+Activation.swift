extension Kernels {
    /// `x = activation(x + bias)` row by row, in place.
    static func addBiasAndActivate(
        _ x: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
        bias: UnsafePointer<Float>, activation: Activation
    ) {
        let slope = activation.negativeSlope
        if slope == 0 {
            for r in 0..<rows {
                let row = x + r * columns
                for c in 0..<columns { row[c] = max(row[c] + bias[c], 0) }
            }
        } else {
            for r in 0..<rows {
                let row = x + r * columns
                for c in 0..<columns {
                    let h = row[c] + bias[c]
                    row[c] = h > 0 ? h : slope * h
                }
            }
        }
    }

    /// `output = activation(x * scale + shift)` with per-column scale and shift (`output` may be `x`).
    static func scaleShiftAndActivate(
        _ x: UnsafePointer<Float>, rows: Int, columns: Int,
        scale: UnsafePointer<Float>, shift: UnsafePointer<Float>,
        activation: Activation, into output: UnsafeMutablePointer<Float>
    ) {
        let slope = activation.negativeSlope
        if slope == 0 {
            for r in 0..<rows {
                let row = x + r * columns, out = output + r * columns
                for c in 0..<columns { out[c] = max(row[c] * scale[c] + shift[c], 0) }
            }
        } else {
            for r in 0..<rows {
                let row = x + r * columns, out = output + r * columns
                for c in 0..<columns {
                    let h = row[c] * scale[c] + shift[c]
                    out[c] = h > 0 ? h : slope * h
                }
            }
        }
    }

    /// `activation'(h)` read from the activation's output: `output > 0` exactly
    /// when `h > 0`, as `slope >= 0`.
    @inline(__always)
    static func derivative(output: Float, slope: Float) -> Float { output > 0 ? 1 : slope }

    /// `gradient *= activation'(h)` in place, and `sums[c] = Σ_r gradient[r, c]` of the result
    /// (the bias gradient of a layer without BatchNorm).
    static func activationBackward(
        _ gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, rows: Int, columns: Int,
        activation: Activation, columnSums sums: UnsafeMutablePointer<Float>
    ) {
        let slope = activation.negativeSlope
        sums.update(repeating: 0, count: columns)
        for r in 0..<rows {
            let g = gradient + r * columns, out = output + r * columns
            for c in 0..<columns {
                let value = g[c] * derivative(output: out[c], slope: slope)
                g[c] = value
                sums[c] += value
            }
        }
    }
}
