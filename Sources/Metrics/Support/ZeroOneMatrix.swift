import Models

extension CodeMatrix {
    /// The codes as a `count x bitCount` matrix of 0s and 1s (for BLAS-based metrics).
    func zeroOneMatrix() -> Matrix {
        var result = Matrix(rows: count, columns: bitCount)
        result.storage.withUnsafeMutableBufferPointer { unpackRows(0..<count, into: $0.baseAddress!) }
        return result
    }

    /// Writes rows `rows` as 0s and 1s, `bitCount` floats each, into `target`.
    /// Whole bytes go through a table of their 8 floats (one vector store each).
    func unpackRows(_ rows: Range<Int>, into target: UnsafeMutablePointer<Float>) {
        let words = wordsPerRow, bits = bitCount, wholeBytes = bits / 8
        let table = Self.byteFloats
        withUnsafeWords { packed in
            for (slot, row) in rows.enumerated() {
                let out = target + slot * bits
                let rowBytes = UnsafeRawPointer(packed.baseAddress! + row * words)
                for byte in 0..<wholeBytes {
                    UnsafeMutableRawPointer(out + 8 * byte).storeBytes(of: table[Int(rowBytes.load(fromByteOffset: byte, as: UInt8.self))],
                                                                      as: SIMD8<Float>.self)
                }
                for b in (8 * wholeBytes)..<bits { out[b] = Float((packed[row * words + b / 64] >> UInt64(b % 64)) & 1) }
            }
        }
    }

    /// The 8 bits of every byte value as 0/1 floats, least significant first.
    private static let byteFloats: [SIMD8<Float>] = (0..<256).map { value in
        SIMD8<Float>((0..<8).map { Float((value >> $0) & 1) })
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
