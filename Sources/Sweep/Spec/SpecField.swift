import Models

/// A scalar setting of the `dataset`, `model`, `train` or `metrics` section.
///
/// Every such field can be given once in its section or swept in `grid:` under
/// the same name (never both). The table below is the single source of the
/// spec's scalar keys, their types and ranges, and where they land in
/// ``TrajectoryConfiguration``.
struct SpecField: Sendable {
    /// The section holding the key: `dataset`, `model`, `train` or `metrics`.
    let section: String
    /// The snake_case key, which is also the grid axis name.
    let key: String
    /// Type and allowed values.
    let kind: FieldKind
    /// Writes a value (already checked against `kind`) into a configuration.
    let apply: @Sendable (inout TrajectoryConfiguration, AxisValue) -> Void

    /// `section.key`.
    var path: String { "\(section).\(key)" }

    /// The field named `key` in `section`, if any.
    static func named(_ key: String, in section: String) -> SpecField? {
        all.first { $0.section == section && $0.key == key }
    }

    /// The field that the grid axis `name` sweeps, if any.
    static func axis(_ name: String) -> SpecField? {
        all.first { $0.key == name }
    }

    /// Every scalar field, section by section.
    static let all: [SpecField] = [
        // dataset
        SpecField(section: "dataset", key: "holdout", kind: .real(.halfOpen(0, 1))) { $0.holdout = $1.real },
        SpecField(section: "dataset", key: "subsample", kind: .choice(["first", "stratified"])) { $0.subsample = $1.word },
        SpecField(section: "dataset", key: "tile", kind: .flag) { $0.tile = $1.flag },
        SpecField(section: "dataset", key: "standardize", kind: .flag) { $0.standardize = $1.flag },
        SpecField(section: "dataset", key: "samples", kind: .integer(minimum: 1)) { $0.samples = $1.integer },
        SpecField(section: "dataset", key: "label_noise", kind: .real(.halfOpen(0, 1))) { $0.labelNoise = $1.real },
        // model
        SpecField(section: "model", key: "family", kind: .choice(ModelFamilies.names)) { $0.family = $1.word },
        SpecField(section: "model", key: "variant", kind: .choice(ModelFamilies.variants)) { $0.variant = $1.word },
        SpecField(section: "model", key: "width_multiplier", kind: .real(.above(0))) { $0.widthMultiplier = $1.real },
        SpecField(section: "model", key: "dropout", kind: .real(.halfOpen(0, 1))) { $0.dropout = $1.real },
        SpecField(section: "model", key: "width", kind: .integer(minimum: 1)) { $0.width = $1.integer },
        SpecField(section: "model", key: "depth", kind: .integer(minimum: 1)) { $0.depth = $1.integer },
        SpecField(section: "model", key: "activation", kind: .choice(["relu", "leaky_relu"])) { $0.activation = $1.word },
        SpecField(section: "model", key: "leaky_slope", kind: .real(.open(0, 1))) { $0.leakySlope = $1.real },
        SpecField(section: "model", key: "batchnorm", kind: .flag) { $0.batchnorm = $1.flag },
        SpecField(section: "model", key: "batchnorm_momentum", kind: .real(.halfOpen(0, 1))) { $0.batchnormMomentum = $1.real },
        SpecField(section: "model", key: "batchnorm_epsilon", kind: .real(.above(0))) { $0.batchnormEpsilon = $1.real },
        SpecField(section: "model", key: "initializer", kind: .choice(["glorot_uniform", "he_uniform"])) { $0.initializer = $1.word },
        // train
        SpecField(section: "train", key: "optimizer", kind: .choice(["sgd", "adam"])) { $0.optimizer = $1.word },
        SpecField(section: "train", key: "lr", kind: .real(.above(0))) { $0.lr = $1.real },
        SpecField(section: "train", key: "momentum", kind: .real(.halfOpen(0, 1))) { $0.momentum = $1.real },
        SpecField(section: "train", key: "nesterov", kind: .flag) { $0.nesterov = $1.flag },
        SpecField(section: "train", key: "beta1", kind: .real(.halfOpen(0, 1))) { $0.beta1 = $1.real },
        SpecField(section: "train", key: "beta2", kind: .real(.halfOpen(0, 1))) { $0.beta2 = $1.real },
        SpecField(section: "train", key: "adam_epsilon", kind: .real(.above(0))) { $0.adamEpsilon = $1.real },
        SpecField(section: "train", key: "batch_size", kind: .integer(minimum: 1)) { $0.batchSize = $1.integer },
        SpecField(section: "train", key: "weight_decay", kind: .real(.atLeast(0))) { $0.weightDecay = $1.real },
        SpecField(section: "train", key: "weight_decay_mode", kind: .choice(["l2", "decoupled"])) { $0.weightDecayMode = $1.word },
        SpecField(section: "train", key: "weight_decay_scope", kind: .choice(["weights", "all"])) { $0.weightDecayScope = $1.word },
        SpecField(section: "train", key: "seed", kind: .integer(minimum: 0)) { $0.seed = $1.integer },
        // metrics
        SpecField(section: "metrics", key: "knn_k", kind: .integer(minimum: 1)) { $0.knnK = $1.integer },
        SpecField(section: "metrics", key: "kmeans_n_init", kind: .integer(minimum: 1)) { $0.kmeansNInit = $1.integer },
        SpecField(section: "metrics", key: "logistic_c", kind: .real(.above(0))) { $0.logisticC = $1.real },
        SpecField(section: "metrics", key: "examples", kind: .integer(minimum: 10)) { $0.metricExamples = $1.integer },
    ]
}

extension AxisValue {
    /// The integer payload; the spec reader only stores `.int` for integer fields.
    var integer: Int {
        guard case .int(let value) = self else { preconditionFailure("AxisValue: \(self) is not an integer") }
        return value
    }

    /// The numeric payload as a Double (integers widen).
    var real: Double {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        default: preconditionFailure("AxisValue: \(self) is not a number")
        }
    }

    /// The boolean payload.
    var flag: Bool {
        guard case .bool(let value) = self else { preconditionFailure("AxisValue: \(self) is not a flag") }
        return value
    }

    /// The string payload.
    var word: String {
        guard case .string(let value) = self else { preconditionFailure("AxisValue: \(self) is not a word") }
        return value
    }
}
