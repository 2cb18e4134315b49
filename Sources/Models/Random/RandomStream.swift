import RealModule

/// A seeded, platform-independent pseudo-random generator (xoshiro256**).
///
/// Every random decision in hashsweep draws from a stream derived from a
/// sweep point's seed and a purpose (``RandomPurpose``), so that, e.g., the
/// shuffling order does not change when the initialisation changes. The
/// generator's whole state is four words (``state``) and can be stored in a
/// checkpoint and restored bit for bit.
///
/// ```swift
/// var shuffling = RandomStream(seed: 7, purpose: .shuffling)
/// let index = shuffling.nextInt(below: 100)
/// ```
public struct RandomStream: RandomNumberGenerator, Sendable, Equatable, Hashable {
    /// The generator's state; restore it with ``init(state:)``.
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// A stream for `purpose`, derived from `seed` with SplitMix64.
    public init(seed: UInt64, purpose: RandomPurpose) {
        self.init(seed: seed, streamIndex: purpose.rawValue)
    }

    /// The stream for `purpose` in one epoch (dropout masks, augmentation), so that an epoch's
    /// draws depend on the seed and the epoch alone and a resumed training redraws them exactly.
    public init(seed: UInt64, purpose: RandomPurpose, epoch: Int) {
        precondition(epoch >= 0, "RandomStream: negative epoch")
        self.init(seed: seed, streamIndex: purpose.rawValue | (UInt64(epoch + 1) << 8))
    }

    /// A stream derived from `seed` and an arbitrary stream index.
    public init(seed: UInt64, streamIndex: UInt64) {
        var mixer = SplitMix64(state: seed ^ (streamIndex &* 0xD1B5_4A32_D192_ED03))
        // Discard one output so that nearby (seed, stream) pairs decorrelate.
        _ = mixer.next()
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
        if state == (0, 0, 0, 0) { state.0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// A stream restored from a saved ``state``.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "RandomStream: the all-zero state is invalid")
        self.state = state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's unbiased multiply-shift).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "RandomStream: bound must be positive")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
        }
        return Int(product.high)
    }

    /// A uniform `Float` in `[0, 1)` with 24 random bits.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * (1.0 / Float(1 << 24))
    }

    /// A uniform `Double` in `[0, 1)` with 53 random bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * (1.0 / Double(UInt64(1) << 53))
    }

    /// A standard normal sample (Box-Muller; one value per call).
    public mutating func nextGaussian() -> Double {
        var u1 = nextUnitDouble()
        while u1 <= .leastNormalMagnitude { u1 = nextUnitDouble() }
        let u2 = nextUnitDouble()
        return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * .pi * u2)
    }

    /// Shuffles `array` in place (Fisher-Yates), reproducibly across platforms.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, nextInt(below: i + 1))
        }
    }

    /// A random permutation of `0..<count`.
    public mutating func permutation(of count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    public static func == (lhs: RandomStream, rhs: RandomStream) -> Bool { lhs.state == rhs.state }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0); hasher.combine(state.1); hasher.combine(state.2); hasher.combine(state.3)
    }
}

@inline(__always)
func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

/// SplitMix64, used only to expand a seed into a xoshiro state.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
