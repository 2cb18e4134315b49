extension CodeMatrix {
    /// Bytes per row of ``packedBytes()``: `ceil(bitCount / 8)`.
    public var bytesPerRow: Int { (bitCount + 7) / 8 }

    /// The rows as bytes, row after row, `bytesPerRow` each: bit `j` of a row is bit `j % 8`
    /// (least significant first) of the row's byte `j / 8`, NumPy's `bitorder='little'`;
    /// padding bits are zero. `numpy.unpackbits(a, axis=1, count=bitCount, bitorder='little')`
    /// gives the bits back.
    public func packedBytes() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count * bytesPerRow)
        for row in 0..<count {
            let base = row * wordsPerRow
            for byte in 0..<bytesPerRow {
                bytes[row * bytesPerRow + byte] = UInt8(truncatingIfNeeded: words[base + byte / 8] >> UInt64(8 * (byte % 8)))
            }
        }
        return bytes
    }

    /// The rows as one byte (0 or 1) per bit, row after row, `bitCount` each.
    public func unpackedBytes() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count * bitCount)
        for row in 0..<count {
            let base = row * wordsPerRow
            for bit in 0..<bitCount {
                bytes[row * bitCount + bit] = UInt8(truncatingIfNeeded: words[base + bit >> 6] >> UInt64(bit & 63)) & 1
            }
        }
        return bytes
    }
}

extension CodeMatrix {
    /// The matrix whose ``packedBytes()`` are `bytes`: `count` rows of `ceil(bitCount / 8)`
    /// bytes, NumPy's `bitorder='little'`. Padding bits past `bitCount` must be zero.
    public init(packedBytes bytes: some Collection<UInt8>, count: Int, bitCount: Int) {
        let bytesPerRow = (bitCount + 7) / 8
        precondition(bytes.count == count * bytesPerRow, "CodeMatrix: \(bytes.count) bytes for \(count) rows of \(bytesPerRow)")
        self.init(count: count, bitCount: bitCount)
        let wordsPerRow = self.wordsPerRow
        var index = bytes.startIndex
        for row in 0..<count {
            for byte in 0..<bytesPerRow {
                words[row * wordsPerRow + byte / 8] |= UInt64(bytes[index]) << UInt64(8 * (byte % 8))
                index = bytes.index(after: index)
            }
        }
    }
}
