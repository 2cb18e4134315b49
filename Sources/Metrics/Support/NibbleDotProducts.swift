import Models

/// Dot products `x·c` of bit-packed 0/1 codes with up to 16 float centers at a time, by table lookup.
///
/// For every nibble position `p` (bits `4p ..< 4p + 4`) and nibble value `v`, the table holds
/// the 16-lane vector of `Σ_{b ∈ v} c[4p + b]` over the centers (padded with zeros). A code's
/// products are then one vector load and add per nibble: `bits / 4` vector operations for all
/// centers, with no float copy of the codes. (For K-Means' thin products, 10 centers, OpenBLAS
/// spent most of its time packing the code matrix; this reads 32x less memory.)
struct NibbleDotProducts {
    static let lanes = 16
    let nibbles: Int
    let groups: Int
    /// `groups x nibbles x 16 values x 16 lanes`, each 16-lane vector on its own cache line.
    private let table: AlignedBuffer<Float>

    /// Tables for the rows of `centers` (`clusters x bits`).
    init(centers: Matrix) {
        let bits = centers.columns, lanes = Self.lanes
        nibbles = (bits + 3) / 4
        groups = (centers.rows + lanes - 1) / lanes
        table = AlignedBuffer(count: groups * nibbles * 16 * lanes)
        let clusters = centers.rows, nibbles = self.nibbles, t = table.pointer
        centers.storage.withUnsafeBufferPointer { c in
            for g in 0..<groups {
                for p in 0..<nibbles {
                    let base = ((g * nibbles + p) * 16) * lanes
                    for v in 1..<16 {
                        let low = v.trailingZeroBitCount, rest = v & (v - 1)
                        let bit = 4 * p + low
                        for lane in 0..<lanes {
                            let center = g * lanes + lane
                            let value = center < clusters && bit < bits ? c[center * bits + bit] : 0
                            t[base + v * lanes + lane] = t[base + rest * lanes + lane] + value
                        }
                    }
                }
            }
        }
    }

    /// The products of code row `row` with the centers of group `group` (lanes past the last center are 0).
    ///
    /// Four accumulators (one per nibble of each byte) keep the additions from waiting on each other.
    @inline(__always)
    func products(_ codes: UnsafeBufferPointer<UInt64>, row: Int, wordsPerRow: Int, group: Int) -> SIMD16<Float> {
        withExtendedLifetime(table) { sumRows(codes, row: row, wordsPerRow: wordsPerRow, group: group) }
    }

    @inline(__always)
    private func sumRows(_ codes: UnsafeBufferPointer<UInt64>, row: Int, wordsPerRow: Int, group: Int) -> SIMD16<Float> {
        let stride = 16 &* Self.lanes &* 4  // bytes per nibble position
        var raw = UnsafeRawPointer(table.pointer + group * nibbles * 16 * Self.lanes)
        var a = SIMD16<Float>(), b = SIMD16<Float>(), c = SIMD16<Float>(), d = SIMD16<Float>()
        var left = nibbles
        let words = codes.baseAddress! + row * wordsPerRow
        for w in 0..<wordsPerRow {
            var word = words[w]
            if left >= 16 {
                for _ in 0..<4 {
                    a += raw.loadUnaligned(fromByteOffset: Int(word & 15) &* 64, as: SIMD16<Float>.self)
                    b += raw.loadUnaligned(fromByteOffset: stride &+ Int((word >> 4) & 15) &* 64, as: SIMD16<Float>.self)
                    c += raw.loadUnaligned(fromByteOffset: 2 &* stride &+ Int((word >> 8) & 15) &* 64, as: SIMD16<Float>.self)
                    d += raw.loadUnaligned(fromByteOffset: 3 &* stride &+ Int((word >> 12) & 15) &* 64, as: SIMD16<Float>.self)
                    word >>= 16
                    raw += 4 &* stride
                }
                left &-= 16
            } else {
                for _ in 0..<left {
                    a += raw.loadUnaligned(fromByteOffset: Int(word & 15) &* 64, as: SIMD16<Float>.self)
                    word >>= 4
                    raw += stride
                }
                left = 0
            }
        }
        return (a + b) + (c + d)
    }
}
