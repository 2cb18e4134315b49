import Testing
@testable import Models

@Suite("Datasets: the synthetic generator")
struct DataSyntheticTests {
    @Test("the same seed gives the same data; another seed different data")
    func deterministic() throws {
        let settings = SyntheticDatasetSettings(trainCount: 300, testCount: 100, seed: 9)
        let a = try SyntheticDataset.generate(settings)
        let b = try SyntheticDataset.generate(settings)
        #expect(a.train == b.train && a.test == b.test)
        var other = settings
        other.seed = 10
        let c = try SyntheticDataset.generate(other)
        #expect(c.train.features != a.train.features)
    }

    @Test("shapes, classes and finiteness follow the settings")
    func shapes() throws {
        let settings = SyntheticDatasetSettings(classCount: 4, dimension: 12, trainCount: 200, testCount: 50)
        let (train, test) = try SyntheticDataset.generate(settings)
        #expect(train.count == 200 && test.count == 50)
        #expect(train.featureCount == 12 && test.featureCount == 12 && train.classCount == 4)
        #expect(Set(train.labels) == Set(0..<4))
        #expect(train.features.storage.allSatisfy { $0.isFinite })
    }

    @Test("changing the test count leaves the training set unchanged; a larger count extends a smaller one")
    func trainIndependentOfTestCount() throws {
        let small = try SyntheticDataset.generate(SyntheticDatasetSettings(trainCount: 150, testCount: 10))
        let large = try SyntheticDataset.generate(SyntheticDatasetSettings(trainCount: 150, testCount: 80))
        #expect(small.train == large.train)
        #expect(small.test == large.test.rows(0..<10))
    }

    @Test("the loader applies holdout and standardisation to synthetic data")
    func loaderPreparation() throws {
        let synthetic = SyntheticDatasetSettings(trainCount: 400, testCount: 100, seed: 4)
        let plain = try DatasetLoader.load(DatasetOptions(kind: .synthetic, synthetic: synthetic))
        let prepared = try DatasetLoader.load(DatasetOptions(kind: .synthetic, holdoutFraction: 0.25,
                                                             standardize: true, synthetic: synthetic))
        #expect(prepared.train.count == 300 && prepared.holdout.count == 100 && prepared.test.count == 100)
        #expect(prepared.train.labels == Array(plain.train.labels.prefix(300)))
        #expect(prepared.holdout.labels == Array(plain.train.labels.suffix(100)))
        let statistics = FeatureStandardizer(fittedTo: prepared.train.features)
        #expect(statistics.means.allSatisfy { abs($0) < 1e-4 })
        #expect(statistics.deviations.allSatisfy { abs($0 - 1) < 1e-3 })
    }

    @Test("invalid settings and holdouts are rejected with a message naming them")
    func invalid() {
        #expect(throws: DatasetError.self) { try SyntheticDataset.generate(SyntheticDatasetSettings(classCount: 1)) }
        do {
            _ = try SyntheticDataset.generate(SyntheticDatasetSettings(dimension: 0))
            Issue.record("dimension 0 was accepted")
        } catch {
            #expect("\(error)".contains("dimension must be at least 1"))
        }
        #expect(throws: DatasetError.holdoutOutOfRange(1)) {
            try DatasetLoader.load(DatasetOptions(kind: .synthetic, holdoutFraction: 1))
        }
    }
}

@Suite("Datasets: feature standardisation")
struct DataStandardizationTests {
    @Test("means and deviations are per feature; tiny deviations are floored at 1% of the largest")
    func statistics() {
        // Feature 0: 0, 2, 4, 6 (mean 3, deviation sqrt(5)); feature 1: constant; feature 2: one tiny blip.
        let features = Matrix([[0, 7, 0], [2, 7, 0], [4, 7, 0], [6, 7, 0.001]])
        let standardizer = FeatureStandardizer(fittedTo: features)
        #expect(standardizer.means.map { ($0 * 1e4).rounded() / 1e4 } == [3, 7, 0.0003])
        let largest = Float(5).squareRoot()
        #expect(abs(standardizer.deviations[0] - largest) < 1e-5)
        #expect(abs(standardizer.deviations[1] - 0.01 * largest) < 1e-6)
        #expect(abs(standardizer.deviations[2] - 0.01 * largest) < 1e-6)
        var copy = features
        standardizer.apply(to: &copy)
        #expect(abs(copy[3, 0] - 3 / largest) < 1e-5 && copy[0, 1] == 0)
        #expect(FeatureStandardizer(fittedTo: Matrix([[1, 1], [1, 1]])).deviations == [1, 1])
    }
}
