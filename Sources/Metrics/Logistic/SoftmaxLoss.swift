import Models
import RealModule

/// The penalised softmax cross-entropy `C Σᵢ CE + ½ ||W||²` and its gradient on bit-packed codes.
///
/// Parameters are laid out as the `classCount x bits` weights row by row, then the
/// `classCount` biases. Rows that share a code are folded into one distinct code with a
/// count per label: the code's terms `Σ_rows CE = N log Σⱼ e^zⱼ - Σⱼ nⱼ zⱼ` and residuals
/// `N softmax(z) - n` are exact sums, so each evaluation costs one pass over the distinct
/// codes (about half the rows for 40-bit codes of a briefly trained network).
/// The products `X Wᵀ` and `Rᵀ X` are read from nibble tables (``NibbleDotProducts``,
/// ``NibbleTransposedProducts``) and the softmax is taken on 16 lanes (``VectorExp``), in
/// single precision; per-code terms are summed, and the parameters kept, in double precision.
/// (Profiled on 48,000 x 512 codes, OpenBLAS's thin GEMMs spent 43% of their time packing a
/// float copy of the codes; on 40-bit codes, scalar `exp` dominated.)
struct SoftmaxLoss {
    let classCount: Int
    let c: Double
    let bits: Int
    /// One row per distinct training code.
    private let distinct: CodeMatrix
    /// Label counts of every distinct code, `groups` vectors of 16 lanes per code.
    private let labelCounts: [SIMD16<Float>]
    /// Number of rows of every distinct code.
    private let rowCounts: [Float]
    private var gradientCells: NibbleTransposedProducts

    init(codes: CodeMatrix, labels: [Int32], classCount: Int, c: Double) {
        self.classCount = classCount
        self.c = c
        bits = codes.bitCount
        let lanes = NibbleDotProducts.lanes
        let folded = FoldedCodes(codes: codes, labels: labels, classCount: classCount, lanes: lanes)
        distinct = folded.distinct
        labelCounts = stride(from: 0, to: folded.labelCounts.count, by: lanes).map {
            SIMD16<Float>(folded.labelCounts[$0..<($0 + lanes)])
        }
        rowCounts = folded.rowCounts
        gradientCells = NibbleTransposedProducts(bits: codes.bitCount, columns: classCount)
    }

    /// `f(θ)`; writes `∇f(θ)` into `gradient`.
    mutating func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
        let k = classCount, lanes = NibbleDotProducts.lanes
        var weights = Matrix(rows: k, columns: bits)
        var penalty = 0.0
        for i in 0..<(k * bits) {
            weights.storage[i] = Float(theta[i])
            penalty += theta[i] * theta[i]
        }
        let products = NibbleDotProducts(centers: weights)
        let groups = products.groups
        // Per group of 16 classes: the biases, and which lanes are past the last class.
        let biases = (0..<groups).map { g in
            SIMD16<Float>((0..<lanes).map { lane in g * lanes + lane < k ? Float(theta[k * bits + g * lanes + lane]) : 0 })
        }
        let padding = (0..<groups).map { g in SIMD16<Int32>(0..<Int32(lanes)) .>= SIMD16(repeating: Int32(k - g * lanes)) }
        gradientCells.reset()
        var crossEntropy = 0.0
        var biasGradient = [SIMD16<Double>](repeating: .zero, count: groups)
        var logits = [SIMD16<Float>](repeating: .zero, count: groups)
        let scale = Float(c), words = distinct.wordsPerRow
        distinct.withUnsafeWords { packed in
            gradientCells.accumulate { cells in
                for i in 0..<distinct.count {
                    var largest = -Float.infinity
                    for g in 0..<groups {
                        let z = (products.products(packed, row: i, wordsPerRow: words, group: g) + biases[g])
                            .replacing(with: -.infinity, where: padding[g])
                        logits[g] = z
                        largest = max(largest, z.max())
                    }
                    var sum: Float = 0, countedLogits: Float = 0
                    for g in 0..<groups {
                        let shifted = (logits[g] - largest).replacing(with: 0, where: padding[g])
                        let exponentials = VectorExp.exp(shifted).replacing(with: 0, where: padding[g])
                        logits[g] = exponentials
                        sum += exponentials.sum()
                        countedLogits += (labelCounts[i * groups + g] * shifted).sum()
                    }
                    let rows = rowCounts[i]
                    crossEntropy += Double(rows) * Double.log(Double(sum)) - Double(countedLogits)
                    let weight = rows / sum
                    for g in 0..<groups {
                        let residuals = scale * (weight * logits[g] - labelCounts[i * groups + g])
                        biasGradient[g] += SIMD16<Double>(residuals)
                        cells.add(residuals, packed, row: i, wordsPerRow: words, group: g)
                    }
                }
            }
        }
        let weightGradient = gradientCells.result(columns: k)
        for i in 0..<(k * bits) { gradient[i] = Double(weightGradient[i]) + theta[i] }
        for j in 0..<k { gradient[k * bits + j] = biasGradient[j / lanes][j % lanes] }
        return c * crossEntropy + 0.5 * penalty
    }
}
