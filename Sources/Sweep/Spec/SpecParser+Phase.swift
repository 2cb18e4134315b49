import Metrics
import Yams

extension SpecParser {
    /// The `phase:` keys, snake_case forms of ``PhaseSettings``' fields.
    static let phaseKeys = ["x", "y", "facet", "redundancy_metric", "categorization_metric", "redundancy_low", "redundancy_high",
                            "accuracy_ceiling", "accuracy_gap_low", "accuracy_gap_high", "trend_effect", "alpha",
                            "min_seeds", "trend_axes"]

    /// Reads `phase:`; axis names are checked against the grid when it parsed.
    func parsePhase(_ entry: SpecReader.Entry, grid: SweepGrid?) -> PhaseSettings {
        var settings = PhaseSettings()
        guard let entries = reader.entries(entry.value, path: entry.path, allowed: Self.phaseKeys) else { return settings }
        let swept = grid.map { $0.axisNames + ["epochs"] }
        func axisName(_ node: Node, _ path: String, among names: [String]?) -> String? {
            guard let name = reader.text(node, path: path, what: "an axis name") else { return nil }
            if let names, !names.contains(name) {
                reader.report(node, path, "found \(name)" + SpecReader.suggestion(for: name, among: names)
                              + ", expected a swept axis: " + names.joined(separator: ", "))
                return nil
            }
            return name
        }
        func real(_ item: SpecReader.Entry, _ range: RealRange) -> Double? {
            reader.value(item.value, path: item.path, kind: .real(range))?.real
        }
        func metricName(_ item: SpecReader.Entry, example: String) -> String? {
            guard let name = reader.text(item.value, path: item.path, what: "a metric name such as \(example)") else { return nil }
            let names = MetricName.allCases.map(\.rawValue)
            guard names.contains(name) else {
                reader.report(item.value, item.path, "found \(name)" + SpecReader.suggestion(for: name, among: names)
                              + ", expected a metric name such as \(example) (docs/phase-chart.md lists them)")
                return nil
            }
            return name
        }
        var places: [String: Node] = [:]
        for item in entries {
            places[item.key] = item.value
            switch item.key {
            case "x": settings.x = axisName(item.value, item.path, among: swept) ?? settings.x
            case "y": settings.y = axisName(item.value, item.path, among: swept) ?? settings.y
            case "facet":
                if SpecReader.isNull(item.value) {
                    settings.facet = nil
                } else {
                    settings.facet = axisName(item.value, item.path, among: swept)
                }
            case "redundancy_metric":
                settings.redundancyMetric = metricName(item, example: "redundancy_train") ?? settings.redundancyMetric
            case "categorization_metric":
                settings.categorizationMetric = metricName(item, example: "knn_test_accuracy") ?? settings.categorizationMetric
            case "redundancy_low": settings.redundancyLow = real(item, .halfOpen(0, 1)) ?? settings.redundancyLow
            case "redundancy_high": settings.redundancyHigh = real(item, .open(0, 1)) ?? settings.redundancyHigh
            case "accuracy_ceiling":
                if SpecReader.isNull(item.value) {
                    settings.accuracyCeiling = nil
                } else {
                    settings.accuracyCeiling = real(item, RealRange(lower: 0, lowerIncluded: false, upper: 1, upperIncluded: true))
                }
            case "accuracy_gap_low": settings.accuracyGapLow = real(item, .halfOpen(0, 1)) ?? settings.accuracyGapLow
            case "accuracy_gap_high": settings.accuracyGapHigh = real(item, .open(0, 1)) ?? settings.accuracyGapHigh
            case "trend_effect": settings.trendEffect = real(item, .atLeast(0)) ?? settings.trendEffect
            case "alpha": settings.alpha = real(item, .open(0, 1)) ?? settings.alpha
            case "min_seeds":
                settings.minSeeds = reader.value(item.value, path: item.path, kind: .integer(minimum: 1))?.integer ?? settings.minSeeds
            default:
                let known = SpecField.all.map(\.key) + ["epochs"]
                guard let nodes = reader.items(item.value, path: item.path, what: "a list of axis names") else { continue }
                settings.trendAxes = nodes.enumerated().compactMap { index, node in
                    axisName(node, "\(item.path)[\(index)]", among: known)
                }
            }
        }
        if settings.redundancyLow >= settings.redundancyHigh {
            reader.report(places["redundancy_low"] ?? places["redundancy_high"], "phase.redundancy_low",
                          "found \(CanonicalNumber.text(settings.redundancyLow)), expected less than redundancy_high (\(CanonicalNumber.text(settings.redundancyHigh)))")
        }
        if settings.accuracyGapLow >= settings.accuracyGapHigh {
            reader.report(places["accuracy_gap_low"] ?? places["accuracy_gap_high"], "phase.accuracy_gap_low",
                          "found \(CanonicalNumber.text(settings.accuracyGapLow)), expected less than accuracy_gap_high (\(CanonicalNumber.text(settings.accuracyGapHigh)))")
        }
        return settings
    }
}
