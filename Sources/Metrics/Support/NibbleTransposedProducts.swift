import Models

/// Accumulates `Rᵀ X` for bit-packed 0/1 codes `X` and rows `rᵢ` of up to 16 floats per group,
/// the transpose of ``NibbleDotProducts``.
///
/// Adding row `i` adds `rᵢ` to the 16-lane cell of every nibble position's value in code `i`
/// (`bits / 4` vector additions); ``result(columns:)`` then expands each position's 16 cells to
/// its 4 bits. Exact up to single-precision summation, like a GEMM, with no float copy of `X`.
struct NibbleTransposedProducts {
    let bits: Int
    let nibbles: Int
    let groups: Int
    /// `groups x nibbles x 16 values x 16 lanes`, each 16-lane cell on its own cache line
    /// (shared by copies of this value).
    private let cells: AlignedBuffer<Float>

    /// An accumulator for `bits`-bit codes and `columns` outputs per row.
    init(bits: Int, columns: Int) {
        self.bits = bits
        nibbles = (bits + 3) / 4
        groups = (columns + NibbleDotProducts.lanes - 1) / NibbleDotProducts.lanes
        cells = AlignedBuffer(count: groups * nibbles * 16 * NibbleDotProducts.lanes)
    }

    /// Sets every cell back to zero.
    mutating func reset() {
        cells.zero()
    }

    /// Runs `body` with an ``Accumulator`` over the cells; the accumulator must not outlive `body`.
    mutating func accumulate<R>(_ body: (Accumulator) -> R) -> R {
        withExtendedLifetime(cells) { body(Accumulator(cells: cells.raw, nibbles: nibbles)) }
    }

    /// Adds rows into the cells; valid only inside ``accumulate(_:)``.
    struct Accumulator {
        let cells: UnsafeMutableRawPointer
        let nibbles: Int

        /// Adds `values` (lanes of output group `group`) times code row `row`.
        @inline(__always)
        func add(_ values: SIMD16<Float>, _ codes: UnsafeBufferPointer<UInt64>, row: Int, wordsPerRow: Int, group: Int) {
            let lanes = NibbleDotProducts.lanes
            let stride = 16 &* lanes &* 4  // bytes per nibble position
            var raw = cells + group * nibbles * stride
            var left = nibbles
            let words = codes.baseAddress! + row * wordsPerRow
            for w in 0..<wordsPerRow {
                var word = words[w]
                for _ in 0..<min(16, left) {
                    let offset = Int(word & 15) &* 64
                    let sum = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self) + values
                    raw.storeBytes(of: sum, toByteOffset: offset, as: SIMD16<Float>.self)
                    word >>= 4
                    raw += stride
                }
                left &-= min(16, left)
            }
        }
    }

    /// `Rᵀ X` as a `columns x bits` row-major array.
    func result(columns: Int) -> [Float] {
        var out = [Float](repeating: 0, count: columns * bits)
        let lanes = NibbleDotProducts.lanes
        for g in 0..<groups {
            for p in 0..<nibbles {
                for v in 1..<16 {
                    let cell = ((g * nibbles + p) * 16 + v) * lanes
                    for b in 0..<4 where v & (1 << b) != 0 && 4 * p + b < bits {
                        for lane in 0..<min(lanes, columns - g * lanes) {
                            out[(g * lanes + lane) * bits + 4 * p + b] += cells.pointer[cell + lane]
                        }
                    }
                }
            }
        }
        return out
    }
}
