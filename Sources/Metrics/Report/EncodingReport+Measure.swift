import Models

extension EncodingReport {
    /// Measures every enabled property of a network's codes (the one entry point of Metrics).
    ///
    /// - Parameters:
    ///   - trainCodes, testCodes: codes of the training and test examples (same code length).
    ///   - trainLabels: labels the network was trained on (noisy where label noise is set); the
    ///     K-NN references and logistic regression learn from them.
    ///   - trainCleanLabels: the true training labels (nil: same as `trainLabels`); K-Means and
    ///     region ambiguity are scored against them, and K-Means also against `trainLabels` when
    ///     they differ.
    ///   - testLabels: clean test labels.
    ///   - network: the network's own scores, copied into the report.
    /// - Throws: ``MetricsError`` for empty sets, mismatched rows or code lengths, labels out
    ///   of range, invalid settings, or `knnK` larger than the references.
    public static func measure(
        trainCodes: CodeMatrix, trainLabels: [Int32], trainCleanLabels: [Int32]? = nil,
        testCodes: CodeMatrix, testLabels: [Int32], classCount: Int,
        settings: MetricSettings = MetricSettings(), network: NetworkScores? = nil
    ) throws(MetricsError) -> EncodingReport {
        let clock = ContinuousClock()
        let start = clock.now
        let cleanLabels = trainCleanLabels ?? trainLabels
        try settings.validate()
        try InputChecks.requireRows(trainCodes, set: "train codes")
        try InputChecks.requireRows(testCodes, set: "test codes")
        try InputChecks.requireSameLength(trainCodes, "train codes", testCodes, "test codes")
        try InputChecks.requireLabels(trainLabels, rows: trainCodes.count, classCount: classCount, set: "train codes")
        try InputChecks.requireLabels(cleanLabels, rows: trainCodes.count, classCount: classCount, set: "train codes (clean labels)")
        try InputChecks.requireLabels(testLabels, rows: testCodes.count, classCount: classCount, set: "test codes")
        if settings.runs(.knn) && settings.knnK > trainCodes.count - 1 {
            throw .tooFewReferences(k: settings.knnK, references: trainCodes.count - 1,
                                    set: "train codes (leave-one-out references)")
        }

        var report = EncodingReport(settings: settings, network: network)
        for step in settings.steps {
            let stepStart = clock.now
            switch step {
            case .redundancy:
                report.regionsTrain = try RegionStatistics(codes: trainCodes, labels: cleanLabels, classCount: classCount, set: "train codes")
                report.regionsTest = try RegionStatistics(codes: testCodes, labels: testLabels, classCount: classCount, set: "test codes")
                report.regionsAll = try RegionStatistics(codes: trainCodes.appending(testCodes), labels: cleanLabels + testLabels,
                                                         classCount: classCount, set: "train and test codes")
            case .knn:
                let knn = try HammingKNN(references: trainCodes, labels: trainLabels, classCount: classCount, k: settings.knnK)
                report.knnTestAccuracy = accuracy(try knn.predict(testCodes), testLabels)
                report.knnTrainLooAccuracy = accuracy(try knn.leaveOneOutPredictions(), trainLabels)
            case .kmeans:
                try report.measureKMeans(trainCodes, testCodes, trainLabels, cleanLabels, testLabels, classCount)
            case .logistic:
                let model = try LogisticRegression.fit(
                    codes: trainCodes, labels: trainLabels, classCount: classCount,
                    c: settings.logisticC, tolerance: settings.logisticTolerance, maxIterations: settings.logisticMaxIterations)
                report.logisticTrainAccuracy = accuracy(try model.predict(trainCodes), trainLabels)
                report.logisticTestAccuracy = accuracy(try model.predict(testCodes), testLabels)
                report.logisticIterations = model.iterations
                report.logisticConverged = model.converged
            }
            report.seconds[step] = (clock.now - stepStart).seconds
        }
        report.totalSeconds = (clock.now - start).seconds
        return report
    }

    /// K-Means with k = number of classes, fitted on train codes and separately on test codes.
    private mutating func measureKMeans(
        _ trainCodes: CodeMatrix, _ testCodes: CodeMatrix, _ trainLabels: [Int32], _ cleanLabels: [Int32], _ testLabels: [Int32], _ classCount: Int
    ) throws(MetricsError) {
        let clusters = classCount
        let train = try KMeans.fit(codes: trainCodes, clusters: min(clusters, trainCodes.count),
                                   restarts: settings.kmeansNInit, maxIterations: settings.kmeansMaxIterations, seed: settings.seed)
        let test = try KMeans.fit(codes: testCodes, clusters: min(clusters, testCodes.count),
                                  restarts: settings.kmeansNInit, maxIterations: settings.kmeansMaxIterations, seed: settings.seed)
        kmeansTrain = ClusteringScores(assignments: train.assignments, clusterCount: train.centers.rows,
                                       labels: cleanLabels, classCount: classCount)
        if trainLabels != cleanLabels {
            kmeansTrainNoisy = ClusteringScores(assignments: train.assignments, clusterCount: train.centers.rows,
                                                labels: trainLabels, classCount: classCount)
        }
        kmeansTest = ClusteringScores(assignments: test.assignments, clusterCount: test.centers.rows,
                                      labels: testLabels, classCount: classCount)
        kmeansTrainInertia = train.inertia
        kmeansTestInertia = test.inertia
        kmeansTrainIterations = train.iterations
        kmeansTestIterations = test.iterations
    }
}
