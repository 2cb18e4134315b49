/// One point of a sweep: a configuration trained once, measured at `epochs`.
public struct Trajectory: Sendable, Hashable, Codable {
    /// ``TrajectoryConfiguration/contentHash`` of ``configuration`` (16 hex digits of the
    /// SHA-256 of its canonical JSON); excludes the epochs.
    public var id: String
    /// What is trained.
    public var configuration: TrajectoryConfiguration
    /// Strictly increasing epochs at which it is measured (0 = at initialisation).
    public var epochs: [Int]
    /// The swept axes' values at this point, by axis name (e.g. `width`, `lr`).
    public var axes: [String: AxisValue]

    /// A trajectory; `id` must be the content hash of `configuration`.
    public init(id: String, configuration: TrajectoryConfiguration, epochs: [Int], axes: [String: AxisValue]) {
        precondition(zip(epochs, epochs.dropFirst()).allSatisfy { $0 < $1 }, "Trajectory: epochs must increase strictly")
        self.id = id
        self.configuration = configuration
        self.epochs = epochs
        self.axes = axes
    }
}

/// The value of a swept axis at one point: an integer, a real number, a string or a flag.
public enum AxisValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)

    /// The value as a number, where it is one (booleans as 0 / 1).
    public var number: Double? {
        switch self {
        case .int(let v): Double(v)
        case .double(let v): v
        case .bool(let v): v ? 1 : 0
        case .string: nil
        }
    }

    public var description: String {
        switch self {
        case .int(let v): String(v)
        case .double(let v): String(v)
        case .string(let v): v
        case .bool(let v): String(v)
        }
    }
}
