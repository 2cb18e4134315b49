import Models
import RealModule

/// The penalised softmax cross-entropy `C Σᵢ CE + ½ ||W||²` and its gradient, through BLAS.
///
/// Parameters are laid out as the `classCount x bits` weights row by row, then the
/// `classCount` biases. Logits and gradient products are single precision (the points are
/// exact 0/1 values); softmax, loss and parameters are double precision.
struct SoftmaxLoss {
    let points: Matrix
    let labels: [Int32]
    let classCount: Int
    let c: Double
    private var weights: Matrix
    private var logits: Matrix
    private var residuals: Matrix
    private var weightGradient: Matrix

    init(points: Matrix, labels: [Int32], classCount: Int, c: Double) {
        self.points = points
        self.labels = labels
        self.classCount = classCount
        self.c = c
        weights = Matrix(rows: classCount, columns: points.columns)
        logits = Matrix(rows: points.rows, columns: classCount)
        residuals = Matrix(rows: points.rows, columns: classCount)
        weightGradient = Matrix(rows: classCount, columns: points.columns)
    }

    /// `f(θ)`; writes `∇f(θ)` into `gradient`.
    mutating func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
        let bits = points.columns, k = classCount, n = points.rows
        var penalty = 0.0
        for i in 0..<(k * bits) {
            weights.storage[i] = Float(theta[i])
            penalty += theta[i] * theta[i]
        }
        BLAS.gemm(points, weights, transposeB: true, into: &logits)
        var crossEntropy = 0.0
        var biasGradient = [Double](repeating: 0, count: k)
        var row = [Double](repeating: 0, count: k)
        let scale = c
        logits.storage.withUnsafeBufferPointer { z in
            residuals.storage.withUnsafeMutableBufferPointer { r in
                for i in 0..<n {
                    var largest = -Double.infinity
                    for j in 0..<k {
                        row[j] = Double(z[i * k + j]) + theta[k * bits + j]
                        largest = max(largest, row[j])
                    }
                    let label = Int(labels[i])
                    let labelLogit = row[label] - largest
                    var sum = 0.0
                    for j in 0..<k {
                        row[j] = Double.exp(row[j] - largest)
                        sum += row[j]
                    }
                    crossEntropy += Double.log(sum) - labelLogit
                    for j in 0..<k {
                        let residual = scale * (row[j] / sum - (j == label ? 1 : 0))
                        r[i * k + j] = Float(residual)
                        biasGradient[j] += residual
                    }
                }
            }
        }
        BLAS.gemm(residuals, transposeA: true, points, into: &weightGradient)
        for i in 0..<(k * bits) { gradient[i] = Double(weightGradient.storage[i]) + theta[i] }
        for j in 0..<k { gradient[k * bits + j] = biasGradient[j] }
        return c * crossEntropy + 0.5 * penalty
    }
}
