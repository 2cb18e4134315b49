import Models

extension EncodingReport {
    /// Measures a trained network: its own loss and accuracy, then every enabled property of
    /// its codes (the blocks `selection` takes) on the distinct training examples (``TrainingSet/untiled``) and on `test`.
    ///
    /// The network's numbers are computed in evaluation mode and are not part of the step
    /// seconds; see ``measure(trainCodes:trainLabels:trainCleanLabels:testCodes:testLabels:classCount:settings:network:)``
    /// for the label conventions and errors.
    public static func measure(
        model: Network, train: TrainingSet, test: LabeledData, settings: MetricSettings = MetricSettings(),
        codes selection: CodeSelection = .all
    ) throws(MetricsError) -> EncodingReport {
        let distinct = train.untiled
        guard distinct.count > 0 else { throw .emptySet(set: "train codes") }
        guard test.count > 0 else { throw .emptySet(set: "test codes") }
        let trainScores = model.evaluate(distinct.features, labels: distinct.labels)
        let cleanScores = model.evaluate(distinct.features, labels: distinct.cleanLabels)
        let testScores = model.evaluate(test)
        let network = NetworkScores(
            trainLoss: trainScores.loss, trainAccuracy: trainScores.accuracy,
            trainCleanLoss: cleanScores.loss, trainCleanAccuracy: cleanScores.accuracy,
            testLoss: testScores.loss, testAccuracy: testScores.accuracy)
        return try measure(
            trainCodes: model.codes(for: distinct.features, selection: selection), trainLabels: distinct.labels,
            trainCleanLabels: distinct.cleanLabels, testCodes: model.codes(for: test.features, selection: selection),
            testLabels: test.labels, classCount: train.classCount, settings: settings, network: network)
    }
}
