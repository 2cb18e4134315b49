/// `eˣ` on 16 single-precision lanes at once, for softmax over class logits.
///
/// Cephes' `expf`: `x = n ln 2 + r` with `n` rounded to nearest (`|r| <= ln 2 / 2`), a degree-7
/// polynomial for `eʳ`, and `2ⁿ` built in the exponent bits. Relative error below `3e-7`
/// (a few ulps; tested against libm) for `x` in `[-87.3, 88]`; smaller `x` gives `e^-87.3` (about `1e-38`),
/// larger `x` gives `e^88`. `libm`'s scalar `exp` in the per-row softmax cost more than the
/// rest of the logistic-regression objective together.
enum VectorExp {
    @inline(__always)
    static func exp(_ x: SIMD16<Float>) -> SIMD16<Float> {
        let clamped = pointwiseMin(pointwiseMax(x, SIMD16(repeating: -87.3)), SIMD16(repeating: 88))
        // Adding 1.5 x 2^23 rounds x / ln 2 to the nearest integer n, which then sits in the low mantissa bits.
        let shifter = SIMD16<Float>(repeating: 12_582_912)
        let shifted = clamped * 1.442_695_04 + shifter
        let n = shifted - shifter
        let r = (clamped - n * 0.693_359_375) - n * -2.121_944_4e-4
        var p = SIMD16<Float>(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        let expR = p * (r * r) + r + 1
        // The bits of `shifted` are 0x4B40_0000 + n; 2ⁿ has the biased exponent n + 127.
        let integerBits = unsafeBitCast(shifted, to: SIMD16<UInt32>.self) &- 0x4B40_0000 &+ 127
        let scale = unsafeBitCast(integerBits &<< 23, to: SIMD16<Float>.self)
        return expR * scale
    }
}
