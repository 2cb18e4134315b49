/// Bit-packed binary codes, one row per example.
///
/// Layout: row `i` occupies words `i * wordsPerRow ..< (i + 1) * wordsPerRow` of
/// `words`. Bit `j` of a row (0-based, `j < bitCount`) is bit `j % 64` (least
/// significant first) of the row's word `j / 64`. Padding bits past `bitCount`
/// in a row's last word are always zero, so rows compare and hash as words and
/// Hamming distance is the popcount of the XOR of their words.
public struct CodeMatrix: Sendable, Equatable, Hashable {
    /// Number of rows (examples).
    public let count: Int
    /// Number of meaningful bits per row.
    public let bitCount: Int
    /// Number of `UInt64` words per row: `ceil(bitCount / 64)`.
    public let wordsPerRow: Int
    /// The packed rows (`count * wordsPerRow` words).
    public internal(set) var words: [UInt64]

    /// The number of words needed for `bitCount` bits.
    @inlinable
    public static func wordsPerRow(forBits bitCount: Int) -> Int { (bitCount + 63) / 64 }

    /// An all-zero code matrix.
    public init(count: Int, bitCount: Int) {
        precondition(count >= 0 && bitCount >= 0, "CodeMatrix: negative shape")
        self.count = count
        self.bitCount = bitCount
        self.wordsPerRow = Self.wordsPerRow(forBits: bitCount)
        self.words = Array(repeating: 0, count: count * wordsPerRow)
    }

    /// A code matrix over existing packed words; padding bits must be zero.
    public init(count: Int, bitCount: Int, words: [UInt64]) {
        let perRow = Self.wordsPerRow(forBits: bitCount)
        precondition(words.count == count * perRow,
                     "CodeMatrix: \(words.count) words for \(count) rows of \(bitCount) bits")
        self.count = count
        self.bitCount = bitCount
        self.wordsPerRow = perRow
        self.words = words
        precondition(paddingIsClear, "CodeMatrix: padding bits past bitCount must be zero")
    }

    /// Codes from rows of booleans (convenient in tests).
    public init(bits rows: [[Bool]]) {
        let bitCount = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == bitCount }, "CodeMatrix: ragged rows")
        self.init(count: rows.count, bitCount: bitCount)
        for (i, row) in rows.enumerated() {
            for (j, bit) in row.enumerated() where bit { setBit(row: i, bit: j) }
        }
    }

    /// Whether bit `bit` of row `row` is set.
    public func bit(row: Int, bit: Int) -> Bool {
        precondition(row >= 0 && row < count && bit >= 0 && bit < bitCount, "CodeMatrix: index out of range")
        return words[row * wordsPerRow + (bit >> 6)] & (1 << UInt64(bit & 63)) != 0
    }

    /// Sets bit `bit` of row `row`.
    public mutating func setBit(row: Int, bit: Int) {
        precondition(row >= 0 && row < count && bit >= 0 && bit < bitCount, "CodeMatrix: index out of range")
        words[row * wordsPerRow + (bit >> 6)] |= 1 << UInt64(bit & 63)
    }

    /// The packed words of row `row`.
    public func row(_ row: Int) -> ArraySlice<UInt64> {
        precondition(row >= 0 && row < count, "CodeMatrix: row \(row) out of 0..<\(count)")
        return words[(row * wordsPerRow)..<((row + 1) * wordsPerRow)]
    }

    /// Runs `body` with direct access to the packed words.
    public func withUnsafeWords<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try words.withUnsafeBufferPointer(body)
    }

    /// Writes packed words in place; the closure must keep padding bits zero.
    public mutating func withUnsafeMutableWords<R>(_ body: (UnsafeMutableBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try words.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// The rows `indices`, in order.
    public func gatheringRows<Indices: Collection>(_ indices: Indices) -> CodeMatrix where Indices.Element == Int {
        var result = CodeMatrix(count: indices.count, bitCount: bitCount)
        var offset = 0
        for index in indices {
            precondition(index >= 0 && index < count, "CodeMatrix: row \(index) out of 0..<\(count)")
            for w in 0..<wordsPerRow { result.words[offset + w] = words[index * wordsPerRow + w] }
            offset += wordsPerRow
        }
        return result
    }

    /// The rows of `self` followed by the rows of `other` (same bit count).
    public func appending(_ other: CodeMatrix) -> CodeMatrix {
        precondition(bitCount == other.bitCount, "CodeMatrix: appending \(other.bitCount)-bit codes to \(bitCount)-bit codes")
        return CodeMatrix(count: count + other.count, bitCount: bitCount, words: words + other.words)
    }

    private var paddingIsClear: Bool {
        let used = bitCount & 63
        guard used != 0, wordsPerRow > 0 else { return true }
        let mask = ~((UInt64(1) << UInt64(used)) - 1)
        for r in 0..<count where words[r * wordsPerRow + wordsPerRow - 1] & mask != 0 { return false }
        return true
    }
}
