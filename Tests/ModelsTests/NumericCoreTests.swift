import Testing
@testable import Models

@Suite("Numeric core: Matrix, BLAS and packed codes")
struct NumericCoreTests {
    @Test("gemm matches a naive product for every transpose combination",
          arguments: [(false, false), (true, false), (false, true), (true, true)])
    func gemmMatchesNaive(transposeA: Bool, transposeB: Bool) {
        let m = 5, k = 7, n = 3
        var generatorState: UInt32 = 12345
        func next() -> Float {
            generatorState = generatorState &* 1_664_525 &+ 1_013_904_223
            return Float(generatorState >> 8) / Float(1 << 24) - 0.5
        }
        let a = Matrix(rows: transposeA ? k : m, columns: transposeA ? m : k, storage: (0..<(m * k)).map { _ in next() })
        let b = Matrix(rows: transposeB ? n : k, columns: transposeB ? k : n, storage: (0..<(k * n)).map { _ in next() })
        let c = BLAS.product(a, transposeA: transposeA, b, transposeB: transposeB)
        #expect(c.rows == m && c.columns == n)
        for i in 0..<m {
            for j in 0..<n {
                var expected: Float = 0
                for p in 0..<k {
                    let aValue = transposeA ? a[p, i] : a[i, p]
                    let bValue = transposeB ? b[j, p] : b[p, j]
                    expected += aValue * bValue
                }
                #expect(abs(c[i, j] - expected) < 1e-5)
            }
        }
    }

    @Test("gemm accumulates with alpha and beta")
    func gemmAlphaBeta() {
        let a = Matrix([[1, 2], [3, 4]])
        let identity = Matrix([[1, 0], [0, 1]])
        var c = Matrix([[10, 10], [10, 10]])
        BLAS.gemm(a, identity, into: &c, alpha: 2, beta: 1)
        #expect(c == Matrix([[12, 14], [16, 18]]))
    }

    @Test("packed codes put bit j of a row in word j/64 at position j%64", arguments: [63, 64, 65, 130])
    func codePackingAtWordBoundaries(bitCount: Int) {
        let rows = (0..<3).map { r in (0..<bitCount).map { j in (j * 7 + r) % 3 == 0 } }
        let codes = CodeMatrix(bits: rows)
        #expect(codes.wordsPerRow == (bitCount + 63) / 64)
        for r in 0..<3 {
            for j in 0..<bitCount {
                #expect(codes.bit(row: r, bit: j) == rows[r][j])
                let word = codes.words[r * codes.wordsPerRow + j / 64]
                #expect((word >> UInt64(j % 64)) & 1 == (rows[r][j] ? 1 : 0))
            }
            let last = codes.words[r * codes.wordsPerRow + codes.wordsPerRow - 1]
            if bitCount % 64 != 0 {
                #expect(last >> UInt64(bitCount % 64) == 0, "padding bits must stay zero")
            }
        }
    }

    @Test("gathering rows keeps their order and repeats")
    func gatherRows() {
        let m = Matrix([[1, 2], [3, 4], [5, 6]])
        #expect(m.gatheringRows([2, 0, 2]) == Matrix([[5, 6], [1, 2], [5, 6]]))
        let codes = CodeMatrix(bits: [[true, false], [false, true]])
        #expect(codes.gatheringRows([1, 1]) == CodeMatrix(bits: [[false, true], [false, true]]))
    }
}

@Suite("Seeded random streams")
struct RandomStreamTests {
    @Test("a stream is reproducible from its seed and purpose, and purposes differ")
    func reproducibleAndIndependent() {
        var a = RandomStream(seed: 42, purpose: .shuffling)
        var b = RandomStream(seed: 42, purpose: .shuffling)
        var c = RandomStream(seed: 42, purpose: .initialization)
        var d = RandomStream(seed: 43, purpose: .shuffling)
        let sa = (0..<8).map { _ in a.next() }
        #expect(sa == (0..<8).map { _ in b.next() })
        #expect(sa != (0..<8).map { _ in c.next() })
        #expect(sa != (0..<8).map { _ in d.next() })
    }

    @Test("xoshiro256** matches its reference output for a known state")
    func referenceVector() {
        // Reference: xoshiro256** with state (1, 2, 3, 4) yields 11520, 0, 1509978240, 1215971899390074240.
        var stream = RandomStream(state: (1, 2, 3, 4))
        #expect((0..<4).map { _ in stream.next() } == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    @Test("bounded integers are in range and roughly uniform")
    func boundedIntegers() {
        var stream = RandomStream(seed: 1, purpose: .testing)
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<10_000 { counts[stream.nextInt(below: 10)] += 1 }
        #expect(counts.allSatisfy { $0 > 850 && $0 < 1150 })
    }

    @Test("saving and restoring the state continues the same sequence")
    func stateRoundTrip() {
        var stream = RandomStream(seed: 9, purpose: .metrics)
        _ = stream.next()
        var restored = RandomStream(state: stream.state)
        #expect(stream.next() == restored.next())
    }
}
