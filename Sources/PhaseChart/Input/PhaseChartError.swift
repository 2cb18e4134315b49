/// Everything that can go wrong when charting a sweep, with messages a user can act on.
public enum PhaseChartError: Error, CustomStringConvertible, Equatable {
    /// A chart or fix names an axis the sweep does not have.
    case unknownAxis(String, role: String, available: [String])
    /// An axis is used twice (e.g. as x and y).
    case axisUsedTwice(String, roles: [String])
    /// An axis is both fixed with `--fix` and charted.
    case axisFixedAndCharted(String, role: String)
    /// A `--fix` value is not one of the axis's values.
    case unknownValue(axis: String, value: String, available: [String])
    /// A `--fix` argument is not `AXIS=VALUE`.
    case malformedFix(String)
    /// The sweep has no measurements yet.
    case noMeasurements(source: String)
    /// A metric asked for is not in the measurements.
    case unknownMetric(String, available: [String])
    /// The sweep database could not be read.
    case unreadableStore(path: String, underlying: String)
    /// An output file could not be written.
    case unwritableOutput(path: String, underlying: String)

    public var description: String {
        switch self {
        case let .unknownAxis(axis, role, available):
            "The \(role) axis '\(axis)' is not an axis of this sweep. Available axes: \(available.joined(separator: ", "))."
        case let .axisUsedTwice(axis, roles):
            "The axis '\(axis)' is used as \(roles.joined(separator: " and ")); choose a different axis for each role."
        case let .axisFixedAndCharted(axis, role):
            "The axis '\(axis)' is both fixed with --fix and charted as the \(role) axis; drop one of the two."
        case let .unknownValue(axis, value, available):
            "The axis '\(axis)' has no value '\(value)' in this sweep. Its values: \(available.joined(separator: ", "))."
        case let .malformedFix(text):
            "The fix '\(text)' is not of the form AXIS=VALUE (for example --fix lr=0.01)."
        case let .noMeasurements(source):
            "\(source) holds no measurements yet; run the sweep (hashsweep run) before charting it."
        case let .unknownMetric(metric, available):
            "The metric '\(metric)' was not measured in this sweep. Measured metrics: \(available.joined(separator: ", "))."
        case let .unreadableStore(path, underlying):
            "Could not read the sweep database \(path): " + Self.sentence(String(describing: underlying))
        case let .unwritableOutput(path, underlying):
            "Could not write \(path): " + Self.sentence(String(describing: underlying))
        }
    }

    /// `text` ending in exactly one full stop (underlying errors often bring their own).
    private static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }
}
