@testable import Metrics
import Models
import Testing

@Suite struct HammingKNNTests {
    static func code(_ text: String) -> [Bool] { text.map { $0 == "1" } }

    @Test func distanceTiesGoToTheLowerReferenceIndex() throws {
        let references = CodeMatrix(bits: ["1111", "1000", "0100"].map(Self.code))
        let query = CodeMatrix(bits: [Self.code("0000")])
        let first = try HammingKNN(references: references, labels: [2, 1, 0], classCount: 3, k: 1)
        #expect(try first.predict(query) == [1])
        let swapped = try HammingKNN(references: references, labels: [2, 0, 1], classCount: 3, k: 1)
        #expect(try swapped.predict(query) == [0])
        let lists = try first.neighbours(of: query)
        #expect(lists.indices == [1])
        #expect(lists.distances == [1])
    }

    @Test func voteTiesGoToTheSmallerSummedDistanceThenTheSmallerLabel() throws {
        // Query 000000. Label 0 at distances 1 and 4 (sum 5), label 1 at 2 and 2 (sum 4).
        let references = CodeMatrix(bits: ["100000", "111100", "110000", "001100", "111111"].map(Self.code))
        let query = CodeMatrix(bits: [Self.code("000000")])
        let knn = try HammingKNN(references: references, labels: [0, 0, 1, 1, 2], classCount: 3, k: 4)
        #expect(try knn.predict(query) == [1])
        // Equal votes and equal summed distances: the smaller label.
        let even = CodeMatrix(bits: ["100000", "010000", "001000", "000100"].map(Self.code))
        let tied = try HammingKNN(references: even, labels: [2, 1, 2, 1], classCount: 3, k: 4)
        #expect(try tied.predict(query) == [1])
    }

    @Test func leaveOneOutExcludesTheQueryItself() throws {
        let references = CodeMatrix(bits: ["0000", "0000", "1111", "1110"].map(Self.code))
        let knn = try HammingKNN(references: references, labels: [0, 1, 2, 3], classCount: 4, k: 1)
        #expect(try knn.leaveOneOutPredictions() == [1, 0, 3, 2])
    }

    /// Neighbour lists by brute force: every distance, sorted by (distance, index).
    static func bruteForce(_ queries: CodeMatrix, _ references: CodeMatrix, k: Int, excludingSelf: Bool) -> NeighbourLists {
        var lists = NeighbourLists(queryCount: queries.count, k: k)
        for q in 0..<queries.count {
            var pairs: [(UInt32, Int32)] = []
            for r in 0..<references.count where !(excludingSelf && r == q) {
                let d = zip(queries.row(q), references.row(r)).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
                pairs.append((UInt32(d), Int32(r)))
            }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            for j in 0..<k {
                lists.distances[q * k + j] = pairs[j].0
                lists.indices[q * k + j] = pairs[j].1
            }
        }
        return lists
    }

    static func randomCodes(count: Int, bits: Int, density: Double, random: inout RandomStream) -> CodeMatrix {
        CodeMatrix(bits: (0..<count).map { _ in (0..<bits).map { _ in random.nextUnitDouble() < density } })
    }

    @Test(arguments: [(1, 3), (7, 9), (40, 9), (64, 5), (65, 9), (130, 2), (512, 9), (1000, 4)])
    func searchMatchesBruteForce(bits: Int, k: Int) throws {
        var random = RandomStream(seed: UInt64(bits * 31 + k), purpose: .testing)
        // Sparse codes at short lengths make many distance ties.
        let references = Self.randomCodes(count: 301, bits: bits, density: bits < 64 ? 0.2 : 0.5, random: &random)
        let queries = Self.randomCodes(count: 23, bits: bits, density: bits < 64 ? 0.2 : 0.5, random: &random)
        let found = NeighbourSearch.search(queries: queries, references: references, k: k)
        #expect(found == Self.bruteForce(queries, references, k: k, excludingSelf: false))
        let leaveOneOut = NeighbourSearch.search(queries: references, references: references, k: k, excludingSelf: true)
        #expect(leaveOneOut == Self.bruteForce(references, references, k: k, excludingSelf: true))
    }

    @Test func searchSpansSeveralCacheBlocks() {
        var random = RandomStream(seed: 5, purpose: .testing)
        let bits = 1000
        let blockSize = NeighbourSearch.blockReferences(words: CodeMatrix.wordsPerRow(forBits: bits))
        let references = Self.randomCodes(count: 2 * blockSize + 37, bits: bits, density: 0.5, random: &random)
        let queries = Self.randomCodes(count: 5, bits: bits, density: 0.5, random: &random)
        let found = NeighbourSearch.search(queries: queries, references: references, k: 9)
        #expect(found == Self.bruteForce(queries, references, k: 9, excludingSelf: false))
    }

    @Test(arguments: MetricFixture.names)
    func agreesWithScikitLearnWhereNoTieIsInvolved(name: String) throws {
        let fixture = try MetricFixture.load(name)
        let knn = try HammingKNN(references: fixture.trainCodes, labels: fixture.train.labels, classCount: 10, k: fixture.k)
        let predicted = try knn.predict(fixture.testCodes)
        #expect(predicted == fixture.rules.knn_test_predictions)
        #expect(try knn.leaveOneOutPredictions() == fixture.rules.knn_train_loo_predictions)
        let sklearn = fixture.integers("knn_test_predictions")
        let ties = fixture.flags("knn_test_tie_involved")
        var compared = 0
        for i in predicted.indices where !ties[i] {
            #expect(predicted[i] == sklearn[i], "test example \(i)")
            compared += 1
        }
        #expect(compared > 0)
    }

    @Test func rejectsBadInput() {
        let references = CodeMatrix(bits: ["0000", "0011"].map(Self.code))
        #expect(throws: MetricsError.tooFewReferences(k: 3, references: 2, set: "K-NN reference codes")) {
            try HammingKNN(references: references, labels: [0, 1], classCount: 2, k: 3)
        }
        #expect(throws: MetricsError.self) { try HammingKNN(references: references, labels: [0, 1], classCount: 2, k: 0) }
        #expect(throws: MetricsError.emptySet(set: "K-NN reference codes")) {
            try HammingKNN(references: CodeMatrix(count: 0, bitCount: 4), labels: [], classCount: 2, k: 1)
        }
        let knn = try? HammingKNN(references: references, labels: [0, 1], classCount: 2, k: 2)
        #expect(throws: MetricsError.codeLengthMismatch(first: "K-NN reference codes", firstBits: 4,
                                                        second: "K-NN query codes", secondBits: 5)) {
            try knn?.predict(CodeMatrix(count: 1, bitCount: 5))
        }
        #expect(throws: MetricsError.tooFewReferences(k: 2, references: 1, set: "leave-one-out references")) {
            try knn?.leaveOneOutPredictions()
        }
    }
}
