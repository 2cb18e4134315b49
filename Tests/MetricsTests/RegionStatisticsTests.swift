import Metrics
import Models
import Testing

@Suite struct RegionStatisticsTests {
    /// Rows 0-3 share one code (labels 0, 0, 1, 1: ambiguous), rows 4-5 another (labels 2, 2),
    /// row 6 is alone: n = 7, m = 3.
    static let codes = CodeMatrix(bits: [
        [true, false, true], [true, false, true], [true, false, true], [true, false, true],
        [false, true, true], [false, true, true], [false, false, false],
    ])
    static let labels: [Int32] = [0, 0, 1, 1, 2, 2, 0]

    @Test func duplicatedRowsGiveTheExactRatioAndRegions() throws {
        let stats = try RegionStatistics(codes: Self.codes, labels: Self.labels, classCount: 3)
        #expect(stats.exampleCount == 7)
        #expect(stats.distinctCodes == 3)
        #expect(stats.redundancy == 4.0 / 7.0)
        #expect(stats.largestRegion == 4)
        #expect(stats.sharedRegions == 2)
        #expect(stats.sharedFraction == 6.0 / 7.0)
        #expect(stats.ambiguousRegions == 1)
        #expect(stats.ambiguousFraction == 4.0 / 7.0)
    }

    @Test(arguments: [1, 64, 65, 130, 1000])
    func everyRowRepeatedThreeTimesGivesTwoThirds(bits: Int) throws {
        var random = RandomStream(seed: UInt64(bits), purpose: .testing)
        let distinct = (0..<50).map { _ in (0..<bits).map { _ in random.next() & 1 == 1 } }
        // Make the 50 rows distinct for certain: row r gets its index in the first bits.
        let rows = distinct.enumerated().map { r, row in
            row.enumerated().map { j, bit in j < 6 && bits >= 6 ? (r >> j) & 1 == 1 : bit }
        }
        let repeated = rows + rows.reversed() + rows
        let codes = CodeMatrix(bits: repeated)
        let stats = try RegionStatistics(codes: codes, labels: [Int32](repeating: 0, count: 150), classCount: 1)
        let expectedDistinct = bits >= 6 ? 50 : Set(rows).count
        #expect(stats.distinctCodes == expectedDistinct)
        #expect(stats.redundancy == Double(150 - expectedDistinct) / 150)
        #expect(stats.ambiguousRegions == 0)
    }

    @Test func distinctRowsHaveZeroRedundancy() throws {
        let codes = CodeMatrix(bits: (0..<16).map { r in (0..<4).map { (r >> $0) & 1 == 1 } })
        let stats = try RegionStatistics(codes: codes, labels: (0..<16).map { Int32($0 % 2) }, classCount: 2)
        #expect(stats.redundancy == 0)
        #expect(stats.largestRegion == 1)
        #expect(stats.sharedFraction == 0)
    }

    @Test(arguments: MetricFixture.names)
    func agreesWithTheFixture(name: String) throws {
        let fixture = try MetricFixture.load(name)
        let train = try RegionStatistics(codes: fixture.trainCodes, labels: fixture.train.labels, classCount: 10)
        let test = try RegionStatistics(codes: fixture.testCodes, labels: fixture.test.labels, classCount: 10)
        let all = try RegionStatistics(codes: fixture.trainCodes.appending(fixture.testCodes),
                                       labels: fixture.train.labels + fixture.test.labels, classCount: 10)
        #expect(Double(train.distinctCodes) == fixture.number("distinct_codes_train"))
        #expect(Double(test.distinctCodes) == fixture.number("distinct_codes_test"))
        #expect(Double(all.distinctCodes) == fixture.number("distinct_codes_all"))
        #expect(abs(train.redundancy - fixture.number("redundancy_train")) < 1e-12)
    }

    @Test func rejectsEmptyCodesAndBadLabels() {
        #expect(throws: MetricsError.emptySet(set: "codes")) {
            try RegionStatistics(codes: CodeMatrix(count: 0, bitCount: 8), labels: [], classCount: 2)
        }
        #expect(throws: MetricsError.rowCountMismatch(set: "codes", rows: 7, labels: 6)) {
            try RegionStatistics(codes: Self.codes, labels: Array(Self.labels.dropLast()), classCount: 3)
        }
        #expect(throws: MetricsError.labelOutOfRange(set: "codes", index: 4, label: 2, classCount: 2)) {
            try RegionStatistics(codes: Self.codes, labels: Self.labels, classCount: 2)
        }
    }
}
