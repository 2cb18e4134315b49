/// The name of every number an ``EncodingReport`` can hold: the single source of truth for
/// the keys of `--format jsonl`, the measurement columns of the sweep database and the CSVs.
///
/// Names are snake_case, *metric then split* (`redundancy_train`), and listed here in their
/// stable output order (``allCases``). A report renders only the names it measured: steps
/// switched off and the `_noisy` K-Means scores of a run without label noise are absent.
/// Never rename a case: stored databases depend on these strings. Add new names at the end
/// of their group.
///
/// Label conventions: `_train` accuracies of K-NN (leave-one-out) and logistic regression are
/// against the labels the network was trained on (noisy where label noise is set); test
/// labels are always clean; K-Means and region ambiguity use the clean labels, and the
/// `_noisy` K-Means scores use the noisy ones.
public enum MetricName: String, Sendable, CaseIterable, Codable {
    // The network itself (computed by the model, passed in as ``NetworkScores``).
    case networkTrainLoss = "network_train_loss"
    case networkTrainAccuracy = "network_train_accuracy"
    case networkTrainCleanLoss = "network_train_clean_loss"
    case networkTrainCleanAccuracy = "network_train_clean_accuracy"
    case networkTestLoss = "network_test_loss"
    case networkTestAccuracy = "network_test_accuracy"

    // Redundancy and regions (step `redundancy`); `_all` is train and test together.
    case redundancyTrain = "redundancy_train"
    case redundancyTest = "redundancy_test"
    case redundancyAll = "redundancy_all"
    case distinctCodesTrain = "distinct_codes_train"
    case distinctCodesTest = "distinct_codes_test"
    case distinctCodesAll = "distinct_codes_all"
    case largestRegionTrain = "largest_region_train"
    case largestRegionTest = "largest_region_test"
    case largestRegionAll = "largest_region_all"
    case sharedFractionTrain = "shared_fraction_train"
    case sharedFractionTest = "shared_fraction_test"
    case sharedFractionAll = "shared_fraction_all"
    case ambiguousRegionsTrain = "ambiguous_regions_train"
    case ambiguousRegionsTest = "ambiguous_regions_test"
    case ambiguousRegionsAll = "ambiguous_regions_all"
    case ambiguousFractionTrain = "ambiguous_fraction_train"
    case ambiguousFractionTest = "ambiguous_fraction_test"
    case ambiguousFractionAll = "ambiguous_fraction_all"

    // K-NN (step `knn`).
    case knnTestAccuracy = "knn_test_accuracy"
    case knnTrainLooAccuracy = "knn_train_loo_accuracy"

    // K-Means (step `kmeans`), fitted on train codes and separately on test codes.
    case kmeansTrainMajority = "kmeans_train_majority"
    case kmeansTrainHungarian = "kmeans_train_hungarian"
    case kmeansTrainNmi = "kmeans_train_nmi"
    case kmeansTrainInertia = "kmeans_train_inertia"
    case kmeansTrainIterations = "kmeans_train_iterations"
    case kmeansTestMajority = "kmeans_test_majority"
    case kmeansTestHungarian = "kmeans_test_hungarian"
    case kmeansTestNmi = "kmeans_test_nmi"
    case kmeansTestInertia = "kmeans_test_inertia"
    case kmeansTestIterations = "kmeans_test_iterations"
    case kmeansTrainMajorityNoisy = "kmeans_train_majority_noisy"
    case kmeansTrainHungarianNoisy = "kmeans_train_hungarian_noisy"
    case kmeansTrainNmiNoisy = "kmeans_train_nmi_noisy"

    // Logistic regression (step `logistic`).
    case logisticTrainAccuracy = "logistic_train_accuracy"
    case logisticTestAccuracy = "logistic_test_accuracy"
    case logisticIterations = "logistic_iterations"
    /// 1 when the fit met a tolerance, 0 when the iteration cap (or a failed line search) stopped it.
    case logisticConverged = "logistic_converged"

    // Seconds spent per step, and in the whole measurement.
    case redundancySeconds = "redundancy_seconds"
    case knnSeconds = "knn_seconds"
    case kmeansSeconds = "kmeans_seconds"
    case logisticSeconds = "logistic_seconds"
    case metricsSeconds = "metrics_seconds"

    /// The `<step>_seconds` name of a step.
    public static func seconds(of step: MetricStep) -> MetricName {
        switch step {
        case .redundancy: return .redundancySeconds
        case .knn: return .knnSeconds
        case .kmeans: return .kmeansSeconds
        case .logistic: return .logisticSeconds
        }
    }
}
