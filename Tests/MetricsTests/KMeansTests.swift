import Metrics
import Models
import Testing

@Suite struct KMeansTests {
    /// Three blobs of 40 codes each around far-apart 96-bit prototypes, 3 bits flipped per code.
    static func blobs() -> (codes: CodeMatrix, labels: [Int32]) {
        var random = RandomStream(seed: 11, purpose: .testing)
        let prototypes = (0..<3).map { p in (0..<96).map { $0 / 32 == p } }
        var rows: [[Bool]] = [], labels: [Int32] = []
        for i in 0..<120 {
            var row = prototypes[i % 3]
            for _ in 0..<3 { row[random.nextInt(below: 96)].toggle() }
            rows.append(row)
            labels.append(Int32(i % 3))
        }
        return (CodeMatrix(bits: rows), labels)
    }

    @Test func recoversWellSeparatedBlobs() throws {
        let (codes, labels) = Self.blobs()
        let result = try KMeans.fit(codes: codes, clusters: 3, restarts: 3, seed: 1)
        let scores = ClusteringScores(assignments: result.assignments, clusterCount: 3, labels: labels, classCount: 3)
        #expect(scores.majority == 1)
        #expect(scores.hungarian == 1)
        #expect(abs(scores.nmi - 1) < 1e-12)
        #expect(result.inertia < 120 * 6)
    }

    @Test func isDeterministicForASeed() throws {
        let (codes, _) = Self.blobs()
        let a = try KMeans.fit(codes: codes, clusters: 5, restarts: 2, seed: 3)
        let b = try KMeans.fit(codes: codes, clusters: 5, restarts: 2, seed: 3)
        #expect(a == b)
    }

    @Test func hungarianSolvesAKnownCostMatrix() {
        // Optimum: row 0 -> column 1, row 1 -> column 0, row 2 -> column 2, cost 1 + 2 + 2 = 5.
        let cost: [[Double]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
        #expect(Hungarian.minimumCostAssignment(cost) == [1, 0, 2])
        // The 4x4 example of the Hungarian algorithm article: optimum 69 + 37 + 11 + 23 = 140.
        let four: [[Double]] = [[82, 83, 69, 92], [77, 37, 49, 92], [11, 69, 5, 86], [8, 9, 98, 23]]
        let matching = Hungarian.minimumCostAssignment(four)
        #expect(matching.enumerated().reduce(0) { $0 + four[$1.offset][$1.element] } == 140)
        #expect(matching == [2, 1, 0, 3])
        // More rows than columns: the row left unmatched is the one that saves most (cost 1 + 0).
        let tall: [[Double]] = [[1, 9], [9, 1], [0, 0]]
        #expect(Hungarian.minimumCostAssignment(tall) == [0, -1, 1])
    }

    @Test func hungarianMatchesEnumerationOnRandomMatrices() {
        var random = RandomStream(seed: 2, purpose: .testing)
        for _ in 0..<20 {
            let cost = (0..<5).map { _ in (0..<5).map { _ in Double(random.nextInt(below: 20)) } }
            let found = Hungarian.minimumCostAssignment(cost).enumerated().reduce(0.0) { $0 + cost[$1.offset][$1.element] }
            var best = Double.infinity
            func permute(_ used: [Bool], _ row: Int, _ total: Double) {
                if row == 5 { best = min(best, total); return }
                for c in 0..<5 where !used[c] {
                    var next = used
                    next[c] = true
                    permute(next, row + 1, total + cost[row][c])
                }
            }
            permute([Bool](repeating: false, count: 5), 0, 0)
            #expect(found == best)
        }
    }

    @Test func scoresIdenticalAndIndependentLabelings() {
        let labels: [Int32] = [0, 0, 1, 1, 2, 2, 3, 3]
        let renamed: [Int32] = [3, 3, 0, 0, 1, 1, 2, 2]
        let same = ClusteringScores(assignments: renamed, clusterCount: 4, labels: labels, classCount: 4)
        #expect(same.majority == 1 && same.hungarian == 1 && abs(same.nmi - 1) < 1e-12)
        // Every cluster holds each label equally often: no information.
        let independent = ClusteringScores(assignments: [0, 1, 0, 1, 0, 1, 0, 1], clusterCount: 2, labels: labels, classCount: 4)
        #expect(abs(independent.nmi) < 1e-12)
        #expect(independent.majority == 0.25)
        #expect(independent.hungarian == 0.25)
        // scikit-learn: normalized_mutual_info_score([0,0,1,1,2,2,3,3], [0,0,0,1,1,1,1,1]) = 0.476865621...
        let partial = ClusteringScores(assignments: [0, 0, 0, 1, 1, 1, 1, 1], clusterCount: 2, labels: labels, classCount: 4)
        #expect(abs(partial.nmi - 0.4768656211) < 1e-9)
        #expect(partial.majority == 4.0 / 8.0)
    }

    /// From scikit-learn's own k-means++ seeds (10 restarts), hashsweep's Lloyd iterations reach
    /// the same quality of optimum, and on the 2,000 training codes the same majority accuracy
    /// within 0.01. (Single-precision rounding makes Lloyd's path chaotic near assignment ties,
    /// so on 500 test codes two correct implementations may stop in different optima of equal
    /// inertia whose majority accuracy differs by several points: there only inertia is compared.)
    @Test(arguments: MetricFixture.names, ["train", "test"])
    func lloydFromScikitLearnSeedsAgrees(name: String, split: String) throws {
        let fixture = try MetricFixture.load(name)
        let codes = split == "train" ? fixture.trainCodes : fixture.testCodes
        let labels = split == "train" ? (fixture.train.clean_labels ?? fixture.train.labels) : fixture.test.labels
        let result = try KMeans.fit(codes: codes, seedings: fixture.rows("kmeans_\(split)_seeded_initial_rows"), tolerance: 0)
        let scores = ClusteringScores(assignments: result.assignments, clusterCount: 10, labels: labels, classCount: 10)
        if split == "train" {
            #expect(abs(scores.majority - fixture.number("kmeans_train_seeded_majority")) <= 0.01)
        }
        #expect(abs(result.inertia / fixture.number("kmeans_\(split)_seeded_inertia") - 1) < 0.005)
    }

    /// With its own seeding, KMeans(n_init = 10) finds optima as good as scikit-learn's over
    /// 8 random states (the majority accuracy of one run moves by several points with the seed).
    @Test(arguments: MetricFixture.names, ["train", "test"])
    func ownSeedingFindsOptimaLikeScikitLearn(name: String, split: String) throws {
        let fixture = try MetricFixture.load(name)
        let codes = split == "train" ? fixture.trainCodes : fixture.testCodes
        let result = try KMeans.fit(codes: codes, clusters: 10, restarts: 10, seed: 0)
        let inertias = fixture.numbers("kmeans_\(split)_inertia_over_states")
        #expect(result.inertia <= inertias.max()! * 1.002)
        #expect(result.inertia >= inertias.min()! * 0.99)
    }

    @Test func rejectsBadSettings() {
        let (codes, _) = Self.blobs()
        #expect(throws: MetricsError.self) { try KMeans.fit(codes: codes, clusters: 0) }
        #expect(throws: MetricsError.self) { try KMeans.fit(codes: codes, clusters: 121) }
        #expect(throws: MetricsError.self) { try KMeans.fit(codes: codes, clusters: 3, restarts: 0) }
        #expect(throws: MetricsError.emptySet(set: "K-Means codes")) {
            try KMeans.fit(codes: CodeMatrix(count: 0, bitCount: 8), clusters: 1)
        }
    }
}
