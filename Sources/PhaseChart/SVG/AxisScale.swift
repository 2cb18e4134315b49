import Foundation
import Sweep

/// Maps the values of one axis to positions: log10 where positive values span 10x or more or
/// form a geometric grid (a zero, e.g. epoch 0, gets its own slot one step below the smallest positive value), linear
/// for other numbers, evenly spaced for strings or a single value.
struct AxisScale {
    /// How values are transformed before the linear map to points.
    enum Kind: Equatable { case linear, log, categorical }

    let kind: Kind
    /// The axis values in order.
    let values: [AxisValue]
    /// Transformed coordinate of each value.
    let coordinates: [Double]
    /// Transformed interval shown, [lower, upper].
    let lower: Double, upper: Double
    /// Point range: `start` maps `lower`, `end` maps `upper` (end < start for vertical axes).
    var start = 0.0, end = 1.0
    /// Whether a log axis carries a zero slot (drawn with a break mark).
    let hasZeroSlot: Bool

    /// A scale whose values sit at the centres of cells that tile the axis.
    static func cells(_ values: [AxisValue]) -> AxisScale {
        let (kind, coordinates, zero) = transform(values)
        guard coordinates.count > 1 else {
            return AxisScale(kind: kind, values: values, coordinates: [0], lower: -0.5, upper: 0.5, hasZeroSlot: false)
        }
        let first = coordinates[1] - coordinates[0], last = coordinates[coordinates.count - 1] - coordinates[coordinates.count - 2]
        return AxisScale(kind: kind, values: values, coordinates: coordinates,
                         lower: coordinates[0] - first / 2, upper: coordinates.last! + last / 2, hasZeroSlot: zero)
    }

    /// A scale for points and lines: the values' range padded by 5% on each side.
    static func points(_ values: [AxisValue]) -> AxisScale {
        let (kind, coordinates, zero) = transform(values)
        guard let low = coordinates.first, let high = coordinates.last, high > low else {
            return AxisScale(kind: kind, values: values, coordinates: coordinates.map { _ in 0 }, lower: -1, upper: 1, hasZeroSlot: false)
        }
        let pad = (high - low) * 0.05
        return AxisScale(kind: kind, values: values, coordinates: coordinates, lower: low - pad, upper: high + pad, hasZeroSlot: zero)
    }

    /// Point position of a transformed coordinate.
    func position(_ coordinate: Double) -> Double {
        start + (coordinate - lower) / (upper - lower) * (end - start)
    }

    /// Point position of the value at `index`.
    func position(ofIndex index: Int) -> Double { position(coordinates[index]) }

    /// The edges of the cell at `index` (between neighbouring centres), in points.
    func cellEdges(_ index: Int) -> (low: Double, high: Double) {
        let low = index == 0 ? lower : (coordinates[index - 1] + coordinates[index]) / 2
        let high = index == coordinates.count - 1 ? upper : (coordinates[index] + coordinates[index + 1]) / 2
        return (position(low), position(high))
    }

    /// Index of `value`, if it is one of the axis values.
    func index(of value: AxisValue) -> Int? { values.firstIndex(of: value) }

    /// "log scale" etc., for axis titles.
    var kindNote: String? { kind == .log ? "log scale" : nil }

    /// At least three positive values whose neighbour ratios are all ≥ 1.5 and within 1.3x of each
    /// other (8, 16, 32; 1, 2, 5): a grid meant to be read on a log axis even when it spans less than 10x.
    private static func isGeometric(_ values: [Double]) -> Bool {
        guard values.count >= 3 else { return false }
        let ratios = zip(values, values.dropFirst()).map { $1 / $0 }
        guard let smallest = ratios.min(), let largest = ratios.max() else { return false }
        return smallest >= 1.5 && largest / smallest <= 1.3
    }

    private static func transform(_ values: [AxisValue]) -> (Kind, [Double], Bool) {
        let numbers = values.compactMap(\.number)
        guard values.count > 1, numbers.count == values.count else {
            return (.categorical, values.indices.map(Double.init), false)
        }
        let positives = numbers.filter { $0 > 0 }
        let canLog = numbers.allSatisfy { $0 >= 0 } && numbers.filter({ $0 == 0 }).count <= 1 && positives.count >= 2
        if canLog, let low = positives.min(), let high = positives.max(), high / low >= 10 || isGeometric(positives) {
            let logs = positives.map(log10)
            let gaps = zip(logs, logs.dropFirst()).map { $1 - $0 }.sorted()
            let step = gaps[gaps.count / 2]
            let hasZero = numbers.contains(0)
            return (.log, numbers.map { $0 == 0 ? log10(low) - step : log10($0) }, hasZero)
        }
        return (.linear, numbers, false)
    }
}

/// Tick placement helpers shared by the figures.
enum Ticks {
    /// "Nice" round ticks (1, 2, 2.5 or 5 × 10^k steps) inside [low, high]: the finest step that
    /// gives at most `maxCount` ticks.
    static func nice(low: Double, high: Double, maxCount: Int) -> [Double] {
        guard high > low else { return [low] }
        let magnitude = pow(10, floor(log10((high - low) / Double(max(1, maxCount)))))
        for step in [1, 2, 2.5, 5, 10, 20].map({ $0 * magnitude }) {
            let first = ceil(low / step - 1e-9), last = floor(high / step + 1e-9)
            guard last - first + 1 <= Double(max(1, maxCount)) else { continue }
            return stride(from: first, through: last, by: 1).map { $0 * step == 0 ? 0 : $0 * step }
        }
        return [low, high]
    }

    /// Indices of labels to keep so that none overlap: every k-th label for the smallest k that fits.
    /// `extents` are (centre, width) in points along the axis; `gap` is the minimum clearance.
    static func thinned(_ extents: [(centre: Double, width: Double)], gap: Double) -> [Int] {
        guard extents.count > 1 else { return Array(extents.indices) }
        for stride in 1...extents.count {
            let kept = Swift.stride(from: 0, to: extents.count, by: stride).map { $0 }
            let fits = zip(kept, kept.dropFirst()).allSatisfy { a, b in
                abs(extents[b].centre - extents[a].centre) >= (extents[a].width + extents[b].width) / 2 + gap
            }
            if fits { return kept }
        }
        return [0]
    }

    /// A short label for a tick value: up to 3 significant digits, no trailing zeros.
    static func label(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 1e5 || abs(value) < 1e-3 { return String(format: "%.2g", value) }
        var text = String(format: "%.3g", value)
        if text.contains("e") { text = String(format: "%.4f", value) }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
