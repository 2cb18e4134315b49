/// Every encoding property of one network's codes, and the seconds each step took.
///
/// Produced by ``measure(trainCodes:trainLabels:trainCleanLabels:testCodes:testLabels:classCount:settings:network:)``.
/// A step switched off in ``MetricSettings/steps`` leaves its fields nil. ``values`` renders
/// the report as a flat list named by ``MetricName``, in the stable order of its cases.
public struct EncodingReport: Sendable {
    /// The settings the numbers were computed with.
    public var settings: MetricSettings
    /// The network's own loss and accuracy, when given.
    public var network: NetworkScores?
    /// Regions of the train codes, the test codes, and both together (clean labels).
    public var regionsTrain: RegionStatistics?
    public var regionsTest: RegionStatistics?
    public var regionsAll: RegionStatistics?
    /// K-NN accuracy on the test codes with the train codes as references.
    public var knnTestAccuracy: Double?
    /// Leave-one-out K-NN accuracy on the train codes (against the training labels).
    public var knnTrainLooAccuracy: Double?
    /// K-Means fitted on the train codes, scored against the clean labels.
    public var kmeansTrain: ClusteringScores?
    /// The same clustering scored against the noisy training labels (nil without noise).
    public var kmeansTrainNoisy: ClusteringScores?
    /// K-Means fitted on the test codes.
    public var kmeansTest: ClusteringScores?
    /// Inertia of the train and test clusterings.
    public var kmeansTrainInertia: Double?
    public var kmeansTestInertia: Double?
    /// Lloyd iterations of the kept restart of the train and test clusterings.
    public var kmeansTrainIterations: Int?
    public var kmeansTestIterations: Int?
    /// Logistic regression accuracy on its training codes (training labels) and on the test codes.
    public var logisticTrainAccuracy: Double?
    public var logisticTestAccuracy: Double?
    /// L-BFGS iterations logistic regression took.
    public var logisticIterations: Int?
    /// Whether logistic regression met a tolerance (false: it stopped at the iteration cap or
    /// on a failed line search, so its accuracies are those of an unfinished fit).
    public var logisticConverged: Bool?
    /// Seconds spent per step that ran.
    public var seconds: [MetricStep: Double] = [:]
    /// Seconds spent in the whole measurement (validation and all steps).
    public var totalSeconds: Double = 0

    /// An empty report for `settings`.
    public init(settings: MetricSettings, network: NetworkScores? = nil) {
        self.settings = settings
        self.network = network
    }

    /// The report as `(name, value)` pairs in ``MetricName`` order, measured numbers only.
    public var values: [(name: String, value: Double)] {
        MetricName.allCases.compactMap { name in value(name).map { (name.rawValue, $0) } }
    }

    /// The value of one named number, or nil when it was not measured.
    public func value(_ name: MetricName) -> Double? {
        switch name {
        case .networkTrainLoss: return network?.trainLoss
        case .networkTrainAccuracy: return network?.trainAccuracy
        case .networkTrainCleanLoss: return network?.trainCleanLoss
        case .networkTrainCleanAccuracy: return network?.trainCleanAccuracy
        case .networkTestLoss: return network?.testLoss
        case .networkTestAccuracy: return network?.testAccuracy
        case .redundancyTrain: return regionsTrain?.redundancy
        case .redundancyTest: return regionsTest?.redundancy
        case .redundancyAll: return regionsAll?.redundancy
        case .distinctCodesTrain: return regionsTrain.map { Double($0.distinctCodes) }
        case .distinctCodesTest: return regionsTest.map { Double($0.distinctCodes) }
        case .distinctCodesAll: return regionsAll.map { Double($0.distinctCodes) }
        case .largestRegionTrain: return regionsTrain.map { Double($0.largestRegion) }
        case .largestRegionTest: return regionsTest.map { Double($0.largestRegion) }
        case .largestRegionAll: return regionsAll.map { Double($0.largestRegion) }
        case .sharedFractionTrain: return regionsTrain?.sharedFraction
        case .sharedFractionTest: return regionsTest?.sharedFraction
        case .sharedFractionAll: return regionsAll?.sharedFraction
        case .ambiguousRegionsTrain: return regionsTrain.map { Double($0.ambiguousRegions) }
        case .ambiguousRegionsTest: return regionsTest.map { Double($0.ambiguousRegions) }
        case .ambiguousRegionsAll: return regionsAll.map { Double($0.ambiguousRegions) }
        case .ambiguousFractionTrain: return regionsTrain?.ambiguousFraction
        case .ambiguousFractionTest: return regionsTest?.ambiguousFraction
        case .ambiguousFractionAll: return regionsAll?.ambiguousFraction
        case .knnTestAccuracy: return knnTestAccuracy
        case .knnTrainLooAccuracy: return knnTrainLooAccuracy
        case .kmeansTrainMajority: return kmeansTrain?.majority
        case .kmeansTrainHungarian: return kmeansTrain?.hungarian
        case .kmeansTrainNmi: return kmeansTrain?.nmi
        case .kmeansTrainInertia: return kmeansTrainInertia
        case .kmeansTrainIterations: return kmeansTrainIterations.map(Double.init)
        case .kmeansTestMajority: return kmeansTest?.majority
        case .kmeansTestHungarian: return kmeansTest?.hungarian
        case .kmeansTestNmi: return kmeansTest?.nmi
        case .kmeansTestInertia: return kmeansTestInertia
        case .kmeansTestIterations: return kmeansTestIterations.map(Double.init)
        case .kmeansTrainMajorityNoisy: return kmeansTrainNoisy?.majority
        case .kmeansTrainHungarianNoisy: return kmeansTrainNoisy?.hungarian
        case .kmeansTrainNmiNoisy: return kmeansTrainNoisy?.nmi
        case .logisticTrainAccuracy: return logisticTrainAccuracy
        case .logisticTestAccuracy: return logisticTestAccuracy
        case .logisticIterations: return logisticIterations.map(Double.init)
        case .logisticConverged: return logisticConverged.map { $0 ? 1 : 0 }
        case .redundancySeconds: return seconds[.redundancy]
        case .knnSeconds: return seconds[.knn]
        case .kmeansSeconds: return seconds[.kmeans]
        case .logisticSeconds: return seconds[.logistic]
        case .metricsSeconds: return totalSeconds
        }
    }
}
