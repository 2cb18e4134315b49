import Testing
@testable import Models

@Suite("Datasets: subsampling, tiling and label noise")
struct DataTrainingSetTests {
    /// 100 examples, 3 classes in proportions 50 / 30 / 20, feature 0 = the row index.
    static let split: LabeledData = {
        let labels: [Int32] = (0..<100).map { $0 % 10 < 5 ? 0 : ($0 % 10 < 8 ? 1 : 2) }
        let features = Matrix(rows: 100, columns: 2, storage: (0..<100).flatMap { [Float($0), -1] })
        return LabeledData(features: features, labels: labels, classCount: 3)
    }()

    private func rowIndices(_ set: TrainingSet) -> [Int] { (0..<set.count).map { Int(set.features[$0, 0]) } }

    @Test("first n takes the first n rows in order")
    func firstN() throws {
        let set = try Self.split.trainingSet(samples: 17, mode: .first, seed: 1)
        #expect(rowIndices(set) == Array(0..<17))
        #expect(set.labels == Array(Self.split.labels.prefix(17)) && set.cleanLabels == set.labels)
        #expect(set.distinctCount == 17 && set.untiled == set)
    }

    @Test("stratified keeps class proportions, is seeded and differs across seeds")
    func stratified() throws {
        let set = try Self.split.trainingSet(samples: 10, mode: .stratified, seed: 3)
        let counts = (0..<3).map { c in set.labels.filter { $0 == c }.count }
        #expect(counts == [5, 3, 2])
        let rows = rowIndices(set)
        #expect(rows == rows.sorted() && Set(rows).count == 10)
        #expect(zip(rows, set.labels).allSatisfy { Self.split.labels[$0] == $1 })
        #expect(try Self.split.trainingSet(samples: 10, mode: .stratified, seed: 3) == set)
        let others = try (4..<8).map { try rowIndices(Self.split.trainingSet(samples: 10, mode: .stratified, seed: UInt64($0))) }
        #expect(others.contains { $0 != rows })
    }

    @Test("largest-remainder quotas add up to the total", arguments: [1, 7, 10, 33, 99, 100])
    func quotas(total: Int) {
        let quotas = LabeledData.proportionalQuotas(total: total, sizes: [50, 30, 20])
        #expect(quotas.reduce(0, +) == total)
        for (quota, size) in zip(quotas, [50, 30, 20]) {
            #expect(abs(Double(quota) - Double(size * total) / 100) < 1)
        }
    }

    @Test("tiling repeats n examples floor(N / n) times", arguments: [(7, 14), (10, 10), (30, 3), (100, 1), (51, 1)])
    func tiling(samples: Int, copies: Int) throws {
        let set = try Self.split.trainingSet(samples: samples, mode: .first, tiled: true, labelNoise: 0.2, seed: 5)
        #expect(set.count == samples * copies && set.distinctCount == samples)
        let rows = rowIndices(set)
        for copy in 0..<copies {
            let range = (copy * samples)..<((copy + 1) * samples)
            #expect(Array(rows[range]) == Array(0..<samples))
            #expect(Array(set.labels[range]) == Array(set.labels.prefix(samples)))
        }
        #expect(set.untiled.count == samples && rowIndices(set.untiled) == Array(0..<samples))
    }

    @Test("label noise flips exactly round(p * n) labels, each to a different class",
          arguments: [0.0, 0.1, 0.25, 0.333, 0.5, 0.9])
    func labelNoise(fraction: Double) throws {
        let set = try Self.split.trainingSet(samples: 90, mode: .first, labelNoise: fraction, seed: 11)
        let flipped = zip(set.labels, set.cleanLabels).filter { $0 != $1 }.count
        #expect(flipped == Int((fraction * 90).rounded()))
        #expect(set.cleanLabels == Array(Self.split.labels.prefix(90)))
        #expect(set.labels.allSatisfy { $0 >= 0 && $0 < 3 })
    }

    @Test("label noise is reproducible from its seed and changes with it")
    func noiseSeeded() throws {
        let a = try Self.split.trainingSet(samples: 100, labelNoise: 0.3, seed: 21)
        let b = try Self.split.trainingSet(samples: 100, labelNoise: 0.3, seed: 21)
        let c = try Self.split.trainingSet(samples: 100, labelNoise: 0.3, seed: 22)
        #expect(a == b)
        #expect(a.labels != c.labels)
    }

    @Test("every class other than the true one is drawn as a noisy label")
    func noiseReachesEveryOtherClass() throws {
        let set = try Self.split.trainingSet(labelNoise: 0.6, seed: 2)
        for clean in Int32(0)..<3 {
            let noisy = Set(zip(set.labels, set.cleanLabels).filter { $0.1 == clean && $0.0 != clean }.map(\.0))
            #expect(noisy == Set((Int32(0)..<3).filter { $0 != clean }))
        }
    }

    @Test("bad requests throw errors that name the value")
    func badRequests() {
        #expect(throws: DatasetError.samplesExceedDataset(requested: 101, available: 100)) {
            try Self.split.trainingSet(samples: 101, seed: 0)
        }
        #expect(throws: DatasetError.invalidSampleCount(0)) { try Self.split.trainingSet(samples: 0, seed: 0) }
        #expect(throws: DatasetError.noiseOutOfRange(1)) { try Self.split.trainingSet(labelNoise: 1, seed: 0) }
        #expect(throws: DatasetError.noiseOutOfRange(-0.1)) { try Self.split.trainingSet(labelNoise: -0.1, seed: 0) }
        #expect(DatasetError.samplesExceedDataset(requested: 101, available: 100).description.contains("101"))
        #expect(DatasetError.noiseOutOfRange(1).description.contains("[0, 1)"))
    }
}
