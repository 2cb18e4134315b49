import Models

/// The distinct codes of a code matrix: which rows share a code.
///
/// Built by hashing each row's packed words into an open-addressing table (no per-bit
/// work), so it costs O(n x wordsPerRow) expected time. Group ids are numbered in order of
/// first appearance: group `g`'s first row is `firstRow[g]`.
struct CodeGroups {
    /// Group id of every row.
    let groupOfRow: [Int32]
    /// The first row of every group, in order of first appearance.
    let firstRow: [Int32]
    /// Number of rows in every group.
    let size: [Int32]

    /// Number of distinct codes.
    var count: Int { firstRow.count }

    init(_ codes: CodeMatrix) {
        let n = codes.count
        let words = codes.wordsPerRow
        var capacity = 16
        while capacity < 2 * n { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)  // group id stored in each slot
        var groupOfRow = [Int32](repeating: 0, count: n)
        var firstRow: [Int32] = []
        var size: [Int32] = []
        firstRow.reserveCapacity(n)
        size.reserveCapacity(n)
        codes.withUnsafeWords { packed in
            slots.withUnsafeMutableBufferPointer { table in
                for row in 0..<n {
                    let start = row * words
                    var slot = Int(truncatingIfNeeded: Self.hash(packed, start: start, count: words)) & mask
                    while true {
                        let group = table[slot]
                        if group < 0 {
                            table[slot] = Int32(firstRow.count)
                            groupOfRow[row] = Int32(firstRow.count)
                            firstRow.append(Int32(row))
                            size.append(1)
                            break
                        }
                        let otherStart = Int(firstRow[Int(group)]) * words
                        if Self.equal(packed, start, otherStart, count: words) {
                            groupOfRow[row] = group
                            size[Int(group)] += 1
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        self.groupOfRow = groupOfRow
        self.firstRow = firstRow
        self.size = size
    }

    @inline(__always)
    private static func hash(_ packed: UnsafeBufferPointer<UInt64>, start: Int, count: Int) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(count)
        for w in 0..<count {
            h = (h ^ packed[start + w]) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }

    @inline(__always)
    private static func equal(_ packed: UnsafeBufferPointer<UInt64>, _ a: Int, _ b: Int, count: Int) -> Bool {
        for w in 0..<count where packed[a + w] != packed[b + w] { return false }
        return true
    }
}
