import Models
import RealModule

/// The penalised softmax cross-entropy `C Σᵢ CE + ½ ||W||²` and its gradient on bit-packed codes.
///
/// Parameters are laid out as the `classCount x bits` weights row by row, then the
/// `classCount` biases. The products `X Wᵀ` and `Rᵀ X` are read from nibble tables
/// (``NibbleDotProducts``, ``NibbleTransposedProducts``) in single precision: profiled on
/// 48,000 x 512 codes, OpenBLAS's thin GEMMs (10 classes) spent 43% of their time packing a
/// float copy of the codes. Softmax, loss and parameters are double precision.
struct SoftmaxLoss {
    let codes: CodeMatrix
    let labels: [Int32]
    let classCount: Int
    let c: Double
    private var gradientCells: NibbleTransposedProducts

    init(codes: CodeMatrix, labels: [Int32], classCount: Int, c: Double) {
        self.codes = codes
        self.labels = labels
        self.classCount = classCount
        self.c = c
        gradientCells = NibbleTransposedProducts(bits: codes.bitCount, columns: classCount)
    }

    /// `f(θ)`; writes `∇f(θ)` into `gradient`.
    mutating func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
        let bits = codes.bitCount, k = classCount, lanes = NibbleDotProducts.lanes
        var weights = Matrix(rows: k, columns: bits)
        var penalty = 0.0
        for i in 0..<(k * bits) {
            weights.storage[i] = Float(theta[i])
            penalty += theta[i] * theta[i]
        }
        let products = NibbleDotProducts(centers: weights)
        gradientCells.reset()
        var crossEntropy = 0.0
        var biasGradient = [Double](repeating: 0, count: k)
        var row = [Double](repeating: 0, count: k)
        let scale = c, words = codes.wordsPerRow, groups = products.groups
        codes.withUnsafeWords { packed in
            for i in 0..<codes.count {
                var largest = -Double.infinity
                for g in 0..<groups {
                    let logits = products.products(packed, row: i, wordsPerRow: words, group: g)
                    for lane in 0..<min(lanes, k - g * lanes) {
                        let j = g * lanes + lane
                        row[j] = Double(logits[lane]) + theta[k * bits + j]
                        largest = max(largest, row[j])
                    }
                }
                let label = Int(labels[i])
                let labelLogit = row[label] - largest
                var sum = 0.0
                for j in 0..<k {
                    row[j] = Double.exp(row[j] - largest)
                    sum += row[j]
                }
                crossEntropy += Double.log(sum) - labelLogit
                for g in 0..<groups {
                    var residuals = SIMD16<Float>()
                    for lane in 0..<min(lanes, k - g * lanes) {
                        let j = g * lanes + lane
                        let residual = scale * (row[j] / sum - (j == label ? 1 : 0))
                        residuals[lane] = Float(residual)
                        biasGradient[j] += residual
                    }
                    gradientCells.add(residuals, packed, row: i, wordsPerRow: words, group: g)
                }
            }
        }
        let weightGradient = gradientCells.result(columns: k)
        for i in 0..<(k * bits) { gradient[i] = Double(weightGradient[i]) + theta[i] }
        for j in 0..<k { gradient[k * bits + j] = biasGradient[j] }
        return c * crossEntropy + 0.5 * penalty
    }
}
