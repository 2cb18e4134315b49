/// The few metric names the chart relies on; every other metric is carried along as is.
public enum MetricNames {
    /// Redundancy ratio of the codes of the training set.
    public static let redundancyTrain = "redundancy_train"
    /// Redundancy ratio of the codes of the test set.
    public static let redundancyTest = "redundancy_test"
    /// The network's own test accuracy.
    public static let testAccuracy = "test_accuracy"
    /// The same, as the Metrics module's encoding report names it.
    public static let networkTestAccuracy = "network_test_accuracy"
    /// K-NN on codes, test accuracy (the default categorization metric).
    public static let knnTestAccuracy = "knn_test_accuracy"
    /// K-Means on codes, test accuracy with majority-label assignment.
    public static let kmeansTestMajority = "kmeans_test_majority"
    /// Logistic regression on codes, test accuracy.
    public static let logisticTestAccuracy = "logistic_test_accuracy"

    /// Panels of `curves.svg`, in order: redundancy (train, test), then the categorization accuracies.
    public static let curvePanels = [redundancyTrain, redundancyTest, knnTestAccuracy,
                                     kmeansTestMajority, logisticTestAccuracy, testAccuracy]

    /// ``curvePanels`` for a sweep that measured `measured`: the network's test accuracy under
    /// whichever of its two names was stored.
    public static func curvePanels(measured: [String]) -> [String] {
        let network = measured.contains(testAccuracy) || !measured.contains(networkTestAccuracy) ? testAccuracy : networkTestAccuracy
        return curvePanels.map { $0 == testAccuracy ? network : $0 }
    }

    /// Whether a metric is a proportion in [0, 1] (a redundancy ratio, an accuracy, a
    /// fraction or an NMI): its confidence bands are drawn clipped to that range.
    public static func isProportion(_ metric: String) -> Bool {
        ["redundancy", "accuracy", "majority", "hungarian", "nmi", "fraction"].contains { metric.contains($0) }
    }

    /// A short panel title for a metric, e.g. "K-NN acc. (test)"; unknown names are returned as is.
    public static func shortTitle(_ metric: String) -> String {
        switch metric {
        case redundancyTrain: "Redundancy (train)"
        case redundancyTest: "Redundancy (test)"
        case testAccuracy, networkTestAccuracy: "Network acc. (test)"
        case knnTestAccuracy: "K-NN acc. (test)"
        case kmeansTestMajority: "K-Means acc. (test)"
        case logisticTestAccuracy: "Logistic reg. acc. (test)"
        default: title(metric)
        }
    }

    /// A human title for a metric, e.g. "K-NN accuracy (test)"; unknown names are returned as is.
    public static func title(_ metric: String) -> String {
        switch metric {
        case redundancyTrain: "Redundancy ratio (train)"
        case redundancyTest: "Redundancy ratio (test)"
        case "redundancy_all": "Redundancy ratio (all)"
        case testAccuracy, networkTestAccuracy: "Network accuracy (test)"
        case "train_accuracy", "network_train_accuracy": "Network accuracy (train)"
        case knnTestAccuracy: "K-NN accuracy (test)"
        case "knn_train_loo_accuracy": "K-NN accuracy (train, LOO)"
        case kmeansTestMajority: "K-Means accuracy (test)"
        case "kmeans_train_majority": "K-Means accuracy (train)"
        case "kmeans_train_hungarian": "K-Means accuracy (train, Hungarian)"
        case logisticTestAccuracy: "Logistic regression acc. (test)"
        case "logistic_train_accuracy": "Logistic regression acc. (train)"
        default: metric
        }
    }
}

/// Human titles, with units, of the usual axes.
public enum AxisTitles {
    /// "Hidden width (units per layer)" for `width`, with `note` (e.g. "log scale") added to the
    /// parenthesis; unknown names are returned as is.
    public static func title(_ axis: String, note: String? = nil) -> String {
        let (name, unit): (String, String?) = switch axis {
        case "width": ("Hidden width", "units per layer")
        case "depth": ("Depth", "hidden layers")
        case "epochs": ("Training time", "epochs")
        case "samples": ("Training samples", "examples")
        case "lr": ("Learning rate", nil)
        case "batch_size": ("Batch size", "examples")
        case "weight_decay": ("Weight decay", nil)
        case "label_noise": ("Label noise", "fraction")
        case "holdout": ("Held-out fraction", nil)
        default: (axis, nil)
        }
        let parts = [unit, note].compactMap { $0 }
        return parts.isEmpty ? name : "\(name) (\(parts.joined(separator: "; ")))"
    }
}
