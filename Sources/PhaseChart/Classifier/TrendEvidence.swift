import Foundation
import Sweep

/// The change of one metric from a cell to its next larger neighbour along one trend axis.
public struct TrendEvidence: Sendable, Equatable {
    /// The trend axis (`width`, `epochs`, ...).
    public var axis: String
    /// The cell's value on that axis.
    public var from: AxisValue
    /// The neighbour's value on that axis.
    public var to: AxisValue
    /// The metric compared.
    public var metric: String
    /// Neighbour mean minus cell mean.
    public var difference: Double
    /// ``difference`` signed so that positive means a better hash (lower redundancy, higher accuracy).
    public var improvement: Double
    /// Welch's test, when both sides have at least two seeds.
    public var test: WelchTest?
    /// Seeds on the cell's and the neighbour's side.
    public var seeds: (cell: Int, neighbour: Int)

    /// |difference| reaches the effect threshold.
    public func isNoticeable(effect: Double) -> Bool { abs(difference) >= effect }

    /// A noticeable improvement, significant at `alpha` (or by effect size alone without a test).
    public func isSignificantImprovement(effect: Double, alpha: Double) -> Bool {
        guard improvement >= effect else { return false }
        guard let test else { return true }
        return test.p < alpha
    }

    /// "width 64->128: redundancy_train -0.121 (Welch t=-8.30, df=3.9, p=0.0012)".
    public var summary: String {
        let statistics: String
        if let test {
            statistics = "Welch t=\(Format.decimal(test.t, 2)), df=\(Format.decimal(test.degreesOfFreedom, 1)), p=\(Format.significant(test.p))"
        } else {
            statistics = "effect size only, n=\(seeds.cell) vs \(seeds.neighbour)"
        }
        return "\(axis) \(from)->\(to): \(metric) \(Format.signed(difference)) (\(statistics))"
    }

    public static func == (lhs: TrendEvidence, rhs: TrendEvidence) -> Bool {
        lhs.axis == rhs.axis && lhs.from == rhs.from && lhs.to == rhs.to && lhs.metric == rhs.metric
            && lhs.difference == rhs.difference && lhs.test == rhs.test
            && lhs.seeds.cell == rhs.seeds.cell && lhs.seeds.neighbour == rhs.seeds.neighbour
    }
}

/// Number formatting shared by reasons, CSV and SVG text.
enum Format {
    /// Fixed decimals, e.g. 0.412; `inf` and `nan` spelled out.
    static func decimal(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let text = String(format: "%.\(places)f", value)
        return text == "-" + String(format: "%.\(places)f", 0.0) ? String(format: "%.\(places)f", 0.0) : text
    }

    /// Signed fixed three decimals, e.g. +0.052.
    static func signed(_ value: Double) -> String {
        value >= 0 ? "+" + decimal(value, 3) : decimal(value, 3)
    }

    /// Two significant digits for p-values, e.g. 0.0012 or 3.1e-06.
    static func significant(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return value == 0 ? "0" : decimal(value, 2) }
        return value >= 1e-4 ? String(format: "%.2g", value) : String(format: "%.1e", value)
    }

    /// Shortest round-trip text of a number (CSV cells).
    static func exact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
