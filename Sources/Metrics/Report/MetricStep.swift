/// A step of the metric measurement that can be switched on or off (`--metrics LIST`).
public enum MetricStep: String, Sendable, Hashable, Codable, CaseIterable {
    /// Redundancy ratio and region statistics.
    case redundancy
    /// K-NN test accuracy and leave-one-out train accuracy.
    case knn
    /// K-Means on train codes and on test codes, scored three ways.
    case kmeans
    /// Logistic regression train and test accuracy.
    case logistic

    /// Parses `all`, `none` or a comma list of step names (order and repeats do not matter);
    /// returns the steps in canonical order.
    public static func parseList(_ text: String) throws(MetricsError) -> [MetricStep] {
        let trimmed = text.trimmingWhitespace()
        if trimmed == "all" { return allCases }
        if trimmed == "none" || trimmed.isEmpty { return [] }
        var chosen = Set<MetricStep>()
        for part in trimmed.split(separator: ",") {
            let name = String(part).trimmingWhitespace()
            guard let step = MetricStep(rawValue: name) else {
                throw .unknownMetricStep(name: name, allowed: allCases.map(\.rawValue))
            }
            chosen.insert(step)
        }
        return allCases.filter(chosen.contains)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
