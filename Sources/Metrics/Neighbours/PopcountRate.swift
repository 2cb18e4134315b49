/// The XOR-popcount rate of this machine in a tight loop: the bound K-NN is measured against.
///
/// K-NN over `wordsPerRow`-word codes must do `pairs x wordsPerRow` XOR-popcounts, so
/// `pairs x wordsPerRow / wordsPerSecond` is a lower bound on its time (its "popcount bound").
public enum PopcountRate {
    /// XOR-popcounted 64-bit words per second, measured over two L1-resident arrays.
    ///
    /// Runs for about `seconds` of this thread's CPU time (at least one pass) and reports the
    /// best of five rounds; CPU time keeps the figure honest on a machine shared with others.
    public static func wordsPerSecond(seconds: Double = 0.25) -> Double {
        let count = 2048
        var state: UInt64 = 0x1234_5678_9ABC_DEF0
        var a = [UInt64](repeating: 0, count: count), b = [UInt64](repeating: 0, count: count)
        for i in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            a[i] = state
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            b[i] = state
        }
        var best = 0.0
        var sink = 0
        for _ in 0..<5 {
            var passes = 0
            let start = ThreadCPUClock.seconds()
            var elapsed = 0.0
            repeat {
                for _ in 0..<256 {
                    sink &+= xorPopcount(a, b)
                    a[passes & (count - 1)] &+= 1  // keep the passes from being folded
                    passes += 1
                }
                elapsed = ThreadCPUClock.seconds() - start
            } while elapsed < seconds / 5
            best = max(best, Double(passes * count) / elapsed)
        }
        precondition(sink != -1)
        return best
    }

    @inline(never)
    static func xorPopcount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                var total = 0
                for i in 0..<pa.count { total &+= (pa[i] ^ pb[i]).nonzeroBitCount }
                return total
            }
        }
    }
}
