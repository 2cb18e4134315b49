import Models

extension CodeMatrix {
    /// The codes as a `count x bitCount` matrix of 0s and 1s (for BLAS-based metrics).
    func zeroOneMatrix() -> Matrix {
        var result = Matrix(rows: count, columns: bitCount)
        let words = wordsPerRow, bits = bitCount
        withUnsafeWords { packed in
            result.storage.withUnsafeMutableBufferPointer { out in
                for row in 0..<count {
                    for w in 0..<words {
                        let word = packed[row * words + w]
                        let target = out.baseAddress! + row * bits + w * 64
                        let limit = min(64, bits - w * 64)
                        for b in 0..<limit { target[b] = Float((word >> UInt64(b)) & 1) }
                    }
                }
            }
        }
        return result
    }

    /// The number of set bits of every row (its squared Euclidean norm as a 0/1 vector).
    func rowPopcounts() -> [Int] {
        var result = [Int](repeating: 0, count: count)
        let words = wordsPerRow
        withUnsafeWords { packed in
            for row in 0..<count {
                var total = 0
                for w in 0..<words { total &+= packed[row * words + w].nonzeroBitCount }
                result[row] = total
            }
        }
        return result
    }

}
