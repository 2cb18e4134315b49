import Models
import RealModule

/// ``SoftmaxLoss`` for long codes (CNN codes of 10^4-10^5 bits): the same objective, with the
/// products `X Wᵀ` and `Rᵀ X` taken by `cblas_sgemm` on blocks of ``blockRows`` distinct codes
/// unpacked to 0/1 floats, so memory stays bounded by one block whatever the number of rows.
///
/// The nibble tables of ``SoftmaxLoss`` hold `bits / 4 x 16` entries per class: past a few
/// thousand bits they leave the caches and every code reads them at random (measured on 5,000
/// VGG16 x0.5 codes of 138,752 bits: 2.2 s per evaluation, against scikit-learn's 0.76 s on a
/// float copy of all codes).
struct BlockedSoftmaxLoss {
    /// Codes at least this long take this path (``LogisticRegression/fit``).
    static let minimumBits = 8192
    /// Distinct codes unpacked at a time.
    static let blockRows = 32

    let classCount: Int
    let c: Double
    let bits: Int
    private let distinct: CodeMatrix
    /// Label counts, `classCount` per distinct code.
    private let labelCounts: [Float]
    private let rowCounts: [Float]

    init(codes: CodeMatrix, labels: [Int32], classCount: Int, c: Double) {
        self.classCount = classCount
        self.c = c
        bits = codes.bitCount
        let folded = FoldedCodes(codes: codes, labels: labels, classCount: classCount)
        distinct = folded.distinct
        labelCounts = folded.labelCounts
        rowCounts = folded.rowCounts
    }

    /// `f(θ)`; writes `∇f(θ)` into `gradient`.
    func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
        let k = classCount
        let weights = theta[0..<(k * bits)].map { Float($0) }
        let bias = theta[(k * bits)...].map { Float($0) }
        let penalty = theta[0..<(k * bits)].reduce(0) { $0 + $1 * $1 }
        var weightGradient = [Float](repeating: 0, count: k * bits)
        var biasGradient = [Double](repeating: 0, count: k)
        var crossEntropy = 0.0
        let scale = Float(c)
        Self.forEachBlock(of: distinct, weights: weights, bias: bias) { rows, block, logits in
            for (slot, i) in rows.enumerated() {
                let z = logits + slot * k
                let largest = (0..<k).reduce(-Float.infinity) { max($0, z[$1]) }
                var sum: Float = 0, countedLogits: Float = 0
                for j in 0..<k {
                    let shifted = z[j] - largest
                    countedLogits += labelCounts[i * k + j] * shifted
                    z[j] = Float.exp(shifted)
                    sum += z[j]
                }
                crossEntropy += Double(rowCounts[i]) * Double.log(Double(sum)) - Double(countedLogits)
                let weight = rowCounts[i] / sum
                for j in 0..<k {
                    z[j] = scale * (weight * z[j] - labelCounts[i * k + j])
                    biasGradient[j] += Double(z[j])
                }
            }
            weightGradient.withUnsafeMutableBufferPointer { out in
                BLAS.gemm(rows: k, columns: bits, inner: rows.count, logits, transposeA: true, block,
                          into: out.baseAddress!, beta: 1)
            }
        }
        for i in 0..<(k * bits) { gradient[i] = Double(weightGradient[i]) + theta[i] }
        for j in 0..<k { gradient[k * bits + j] = biasGradient[j] }
        return c * crossEntropy + 0.5 * penalty
    }

    /// Calls `body(rows, block, logits)` for every ``blockRows`` rows of `codes`: `block` holds
    /// them as 0/1 floats (`rows.count x bits`), `logits` their `X Wᵀ + b` (`rows.count x
    /// classes`, writable) for the `classes x bits` `weights`.
    static func forEachBlock(
        of codes: CodeMatrix, weights: [Float], bias: [Float],
        _ body: (Range<Int>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void
    ) {
        let bits = codes.bitCount, classes = bias.count
        let block = UnsafeMutablePointer<Float>.allocate(capacity: blockRows * bits)
        let logits = UnsafeMutablePointer<Float>.allocate(capacity: blockRows * classes)
        defer { block.deallocate(); logits.deallocate() }
        for start in stride(from: 0, to: codes.count, by: blockRows) {
            let rows = start..<min(start + blockRows, codes.count)
            codes.unpackRows(rows, into: block)
            for slot in 0..<rows.count { (logits + slot * classes).update(from: bias, count: classes) }
            weights.withUnsafeBufferPointer { w in
                BLAS.gemm(rows: rows.count, columns: classes, inner: bits, block, w.baseAddress!, transposeB: true,
                          into: logits, beta: 1)
            }
            body(rows, block, logits)
        }
    }
}
