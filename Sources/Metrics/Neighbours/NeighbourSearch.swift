import Models

/// Exact k-nearest-neighbour search over Hamming distance on bit-packed codes.
///
/// References are visited in blocks that fit the L2 cache; each block is transposed to
/// word-major order so that one vector register holds the same word of 8 references, and the
/// distance of 4 queries to 16 references is accumulated in registers with XOR + popcount
/// (AVX-512 `vpopcntq` with `-target-cpu native`). A query's running k-th distance is its
/// threshold: a 16-reference chunk is scanned lane by lane only when some distance in it is
/// below the threshold, which is rare once the lists have filled, so the search runs close
/// to the XOR-popcount rate. Single-threaded.
enum NeighbourSearch {
    /// References per chunk (two 8-lane vectors).
    static let chunk = 16
    /// Queries whose distances are accumulated together.
    static let queryGroup = 4

    /// The `k` nearest `references` of every row of `queries` (sorted by distance, then index).
    ///
    /// With `excludingSelf`, `queries` must be `references` and query `i` never lists reference
    /// `i` (leave-one-out). Shapes are preconditions: validate inputs before calling.
    static func search(queries: CodeMatrix, references: CodeMatrix, k: Int, excludingSelf: Bool = false) -> NeighbourLists {
        precondition(queries.wordsPerRow == references.wordsPerRow, "NeighbourSearch: code lengths differ")
        precondition(k >= 1 && k <= references.count - (excludingSelf ? 1 : 0), "NeighbourSearch: k out of range")
        let words = references.wordsPerRow
        let queryCount = queries.count
        var lists = NeighbourLists(queryCount: queryCount, k: k)
        guard queryCount > 0 else { return lists }
        let blockSize = blockReferences(words: words)
        // Queries padded to a multiple of the group size with copies of the last row.
        let paddedQueries = (queryCount + queryGroup - 1) / queryGroup * queryGroup
        var queryWords = queries.words
        queryWords.reserveCapacity(paddedQueries * words)
        for _ in queryCount..<paddedQueries { queryWords.append(contentsOf: queries.row(queryCount - 1)) }
        let block = AlignedBuffer<UInt64>(count: words * blockSize)

        references.withUnsafeWords { refs in
            queryWords.withUnsafeBufferPointer { qs in
                withExtendedLifetime(block) {
                    let tBlock = UnsafeMutableBufferPointer(start: block.pointer, count: block.count)
                    lists.distances.withUnsafeMutableBufferPointer { dist in
                        lists.indices.withUnsafeMutableBufferPointer { idx in
                            var blockStart = 0
                            while blockStart < references.count {
                                let blockCount = min(blockSize, references.count - blockStart)
                                transpose(refs, from: blockStart, count: blockCount, words: words,
                                          into: tBlock, stride: blockSize)
                                var scan = ScanContext(
                                    k: k, referenceCount: references.count, blockStart: blockStart,
                                    blockCount: blockCount, excludingSelf: excludingSelf,
                                    distances: dist.baseAddress!, indices: idx.baseAddress!)
                                for q0 in stride(from: 0, to: queryCount, by: queryGroup) {
                                    searchGroup(q0, queryCount: queryCount, queries: qs.baseAddress! + q0 * words,
                                                block: tBlock.baseAddress!, stride: blockSize, words: words, scan: &scan)
                                }
                                blockStart += blockCount
                            }
                        }
                    }
                }
            }
        }
        return lists
    }

    /// References per cache block: about 512 KB of packed words, a multiple of the chunk.
    static func blockReferences(words: Int) -> Int {
        let fit = (512 * 1024) / (8 * max(words, 1))
        return max(chunk, min(4096, fit / chunk * chunk))
    }

    /// Copies references `from ..< from + count` into word-major order (zero-padded to a chunk).
    private static func transpose(
        _ refs: UnsafeBufferPointer<UInt64>, from: Int, count: Int, words: Int,
        into block: UnsafeMutableBufferPointer<UInt64>, stride: Int
    ) {
        let padded = (count + chunk - 1) / chunk * chunk
        for w in 0..<words {
            let row = block.baseAddress! + w * stride
            for j in 0..<count { row[j] = refs[(from + j) * words + w] }
            for j in count..<padded { row[j] = 0 }
        }
    }

    /// Where a group of queries inserts its neighbours.
    struct ScanContext {
        let k: Int
        let referenceCount: Int
        let blockStart: Int
        let blockCount: Int
        let excludingSelf: Bool
        let distances: UnsafeMutablePointer<UInt32>
        let indices: UnsafeMutablePointer<Int32>
    }

    /// Distances of 4 queries (starting at `q0`) to every chunk of the block, merged into their lists.
    @inline(__always)
    private static func searchGroup(
        _ q0: Int, queryCount: Int, queries: UnsafePointer<UInt64>,
        block: UnsafePointer<UInt64>, stride: Int, words: Int, scan: inout ScanContext
    ) {
        let raw = UnsafeRawPointer(block)
        let rowBytes = stride * 8
        let valid = min(queryGroup, queryCount - q0)
        // The running k-th distance of each query; 0 (never below) for padding queries.
        let (lists, k) = (scan.distances, scan.k)
        func kth(_ g: Int) -> UInt64 { g < valid ? UInt64(lists[(q0 + g) * k + k - 1]) : 0 }
        var thresholds = (kth(0), kth(1), kth(2), kth(3))
        let (qa, qb, qc, qd) = (queries, queries + words, queries + 2 * words, queries + 3 * words)
        for c in Swift.stride(from: 0, to: scan.blockCount, by: chunk) {
            var a0 = SIMD8<UInt64>(), a1 = SIMD8<UInt64>(), b0 = SIMD8<UInt64>(), b1 = SIMD8<UInt64>()
            var c0 = SIMD8<UInt64>(), c1 = SIMD8<UInt64>(), d0 = SIMD8<UInt64>(), d1 = SIMD8<UInt64>()
            var offset = c &* 8
            for w in 0..<words {
                let r0 = raw.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self)
                let r1 = raw.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD8<UInt64>.self)
                let wa = SIMD8<UInt64>(repeating: qa[w]), wb = SIMD8<UInt64>(repeating: qb[w])
                let wc = SIMD8<UInt64>(repeating: qc[w]), wd = SIMD8<UInt64>(repeating: qd[w])
                a0 &+= (wa ^ r0).nonzeroBitCount; a1 &+= (wa ^ r1).nonzeroBitCount
                b0 &+= (wb ^ r0).nonzeroBitCount; b1 &+= (wb ^ r1).nonzeroBitCount
                c0 &+= (wc ^ r0).nonzeroBitCount; c1 &+= (wc ^ r1).nonzeroBitCount
                d0 &+= (wd ^ r0).nonzeroBitCount; d1 &+= (wd ^ r1).nonzeroBitCount
                offset &+= rowBytes
            }
            // One reduction tells whether any of the four queries has a new neighbour (rare once the
            // lists have filled); only then is each query checked.
            let belowA = below(a0, a1, thresholds.0), belowB = below(b0, b1, thresholds.1)
            let belowC = below(c0, c1, thresholds.2), belowD = below(d0, d1, thresholds.3)
            guard anyTopBit((belowA | belowB) | (belowC | belowD)) else { continue }
            if anyTopBit(belowA) { thresholds.0 = merge(a0, a1, query: q0, chunkStart: c, scan: scan) }
            if anyTopBit(belowB) { thresholds.1 = merge(b0, b1, query: q0 + 1, chunkStart: c, scan: scan) }
            if anyTopBit(belowC) { thresholds.2 = merge(c0, c1, query: q0 + 2, chunkStart: c, scan: scan) }
            if anyTopBit(belowD) { thresholds.3 = merge(d0, d1, query: q0 + 3, chunkStart: c, scan: scan) }
        }
    }

    /// Lanes with the top bit set exactly where a lane of `low` or `high` is below `threshold`
    /// (all values below 2⁶³): `lane &- threshold` wraps exactly when `lane < threshold`.
    @inline(__always)
    private static func below(_ low: SIMD8<UInt64>, _ high: SIMD8<UInt64>, _ threshold: UInt64) -> SIMD8<UInt64> {
        let t = SIMD8<UInt64>(repeating: threshold)
        return (low &- t) | (high &- t)
    }

    /// Whether any lane has its top bit set; the halves are OR-reduced with shuffles, which
    /// compile to a few vector instructions (`any(lane .< threshold)` compiles to a per-lane loop).
    @inline(__always)
    private static func anyTopBit(_ wrapped: SIMD8<UInt64>) -> Bool {
        let four = wrapped.lowHalf | wrapped.highHalf
        let two = four.lowHalf | four.highHalf
        return (two[0] | two[1]) >> 63 != 0
    }

    /// Inserts the chunk's distances below the query's k-th into its list; returns the new k-th.
    @inline(never)
    private static func merge(
        _ low: SIMD8<UInt64>, _ high: SIMD8<UInt64>, query: Int, chunkStart: Int, scan: ScanContext
    ) -> UInt64 {
        let k = scan.k
        let dist = scan.distances + query * k
        let idx = scan.indices + query * k
        let first = scan.blockStart + chunkStart
        let lanes = min(chunk, scan.blockCount - chunkStart)
        for lane in 0..<lanes {
            let reference = first + lane
            if scan.excludingSelf && reference == query { continue }
            let d = UInt32(truncatingIfNeeded: lane < 8 ? low[lane] : high[lane - 8])
            if d < dist[k - 1] {
                insertNeighbour(distance: d, index: Int32(reference), distances: dist, indices: idx, k: k)
            }
        }
        return UInt64(dist[k - 1])
    }
}
