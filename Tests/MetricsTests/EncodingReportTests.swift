import Foundation
import Metrics
import Models
import Testing

@Suite struct EncodingReportTests {
    static func smallSets() -> (train: CodeMatrix, trainLabels: [Int32], test: CodeMatrix, testLabels: [Int32]) {
        var random = RandomStream(seed: 21, purpose: .testing)
        let rows = (0..<60).map { i in (0..<20).map { j in (j % 3 == i % 3) != (random.nextInt(below: 10) == 0) } }
        let labels = (0..<60).map { Int32($0 % 3) }
        return (CodeMatrix(bits: Array(rows[..<45])), Array(labels[..<45]), CodeMatrix(bits: Array(rows[45...])), Array(labels[45...]))
    }

    @Test func measuresEveryStepWithStableNames() throws {
        let s = Self.smallSets()
        var noisy = s.trainLabels
        noisy[0] = 1
        let network = NetworkScores(trainLoss: 0.5, trainAccuracy: 0.8, trainCleanLoss: 0.4, trainCleanAccuracy: 0.9,
                                    testLoss: 0.6, testAccuracy: 0.7)
        let report = try EncodingReport.measure(
            trainCodes: s.train, trainLabels: noisy, trainCleanLabels: s.trainLabels, testCodes: s.test,
            testLabels: s.testLabels, classCount: 3, settings: MetricSettings(knnK: 3, kmeansNInit: 2), network: network)
        let names = report.values.map(\.name)
        // Everything is measured, in MetricName order (noisy K-Means scores included: labels differ).
        #expect(names == MetricName.allCases.map(\.rawValue))
        #expect(report.value(.knnTestAccuracy)! > 0.9)
        #expect(report.value(.logisticTestAccuracy)! > 0.9)
        #expect(report.value(.networkTestAccuracy) == 0.7)
        #expect(report.value(.distinctCodesAll)! <= 60)
        #expect(report.kmeansTrainNoisy != nil)
        for step in MetricStep.allCases { #expect(report.value(MetricName.seconds(of: step))! >= 0) }
    }

    @Test func noiseFreeRunsOmitTheNoisyScoresAndSkippedSteps() throws {
        let s = Self.smallSets()
        let report = try EncodingReport.measure(
            trainCodes: s.train, trainLabels: s.trainLabels, testCodes: s.test, testLabels: s.testLabels, classCount: 3,
            settings: MetricSettings(steps: [.kmeans, .redundancy]))
        let names = Set(report.values.map(\.name))
        #expect(names.contains("kmeans_train_majority") && names.contains("redundancy_all"))
        #expect(!names.contains("kmeans_train_majority_noisy"))
        #expect(!names.contains("knn_test_accuracy") && !names.contains("logistic_seconds"))
        #expect(!names.contains("network_test_accuracy"))
        #expect(names.contains("metrics_seconds"))
    }

    @Test func metricNamesAreUniqueSnakeCase() {
        let names = MetricName.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        for name in names { #expect(name.allSatisfy { $0.isLowercase || $0 == "_" }, "\(name)") }
        for required in ["redundancy_train", "redundancy_test", "knn_test_accuracy", "knn_train_loo_accuracy",
                         "kmeans_train_majority", "kmeans_train_hungarian", "kmeans_test_majority",
                         "logistic_test_accuracy", "logistic_train_accuracy", "distinct_codes_train"] {
            #expect(names.contains(required))
        }
    }

    @Test func parsesMetricLists() throws {
        #expect(try MetricStep.parseList("all") == MetricStep.allCases)
        #expect(try MetricStep.parseList("none") == [])
        #expect(try MetricStep.parseList("logistic, knn,knn") == [.knn, .logistic])
        #expect(throws: MetricsError.unknownMetricStep(name: "knm", allowed: MetricStep.allCases.map(\.rawValue))) {
            try MetricStep.parseList("knm")
        }
    }

    @Test func settingsRoundTripThroughJSONWithSnakeCaseKeys() throws {
        let settings = MetricSettings(knnK: 5, steps: [.logistic, .knn], seed: 3)
        let data = try JSONEncoder().encode(settings)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"knn_k\":5") && text.contains("\"steps\":[\"knn\",\"logistic\"]"))
        #expect(try JSONDecoder().decode(MetricSettings.self, from: data) == settings)
        #expect(try JSONDecoder().decode(MetricSettings.self, from: Data("{}".utf8)) == MetricSettings())
    }

    @Test func rejectsBadInput() {
        let s = Self.smallSets()
        func measure(_ train: CodeMatrix? = nil, _ trainLabels: [Int32]? = nil, _ test: CodeMatrix? = nil,
                     _ testLabels: [Int32]? = nil, classCount: Int = 3, settings: MetricSettings = MetricSettings()) throws {
            _ = try EncodingReport.measure(
                trainCodes: train ?? s.train, trainLabels: trainLabels ?? s.trainLabels, testCodes: test ?? s.test,
                testLabels: testLabels ?? s.testLabels, classCount: classCount, settings: settings)
        }
        #expect(throws: MetricsError.emptySet(set: "test codes")) {
            try measure(nil, nil, CodeMatrix(count: 0, bitCount: 20), [])
        }
        #expect(throws: MetricsError.emptySet(set: "train codes")) { try measure(CodeMatrix(count: 0, bitCount: 20), []) }
        #expect(throws: MetricsError.rowCountMismatch(set: "train codes", rows: 45, labels: 44)) {
            try measure(nil, Array(s.trainLabels.dropLast()))
        }
        #expect(throws: MetricsError.codeLengthMismatch(first: "train codes", firstBits: 20, second: "test codes", secondBits: 21)) {
            try measure(nil, nil, CodeMatrix(count: 15, bitCount: 21))
        }
        #expect(throws: MetricsError.labelOutOfRange(set: "test codes", index: 0, label: 7, classCount: 3)) {
            try measure(nil, nil, nil, [7] + Array(s.testLabels.dropFirst()))
        }
        #expect(throws: MetricsError.tooFewReferences(k: 45, references: 44, set: "train codes (leave-one-out references)")) {
            try measure(settings: MetricSettings(knnK: 45))
        }
        #expect(throws: MetricsError.invalidSetting(name: "logistic_c", value: "-1.0", allowed: "a positive number")) {
            try measure(settings: MetricSettings(logisticC: -1))
        }
    }

    @Test func errorMessagesNameTheProblem() {
        let message = MetricsError.labelOutOfRange(set: "test codes", index: 3, label: 12, classCount: 10).description
        #expect(message.contains("12") && message.contains("row 3") && message.contains("0..<10"))
        #expect(MetricsError.tooFewReferences(k: 9, references: 4, set: "train codes").description.contains("knn_k"))
    }
}
