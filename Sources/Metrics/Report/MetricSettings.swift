/// How the encoding metrics are computed; part of a trajectory's identity in a sweep.
///
/// Defaults follow the reference implementation (scikit-learn): k = 9 neighbours,
/// `n_init = 10` K-Means restarts of at most 300 iterations with k = number of classes,
/// `LogisticRegression(C=1, tol=1e-4, max_iter=200)`. Encoded with snake_case keys
/// (`knn_k`, `kmeans_n_init`, ...); ``steps`` is kept in canonical order so that equal
/// settings encode (and hash) identically.
public struct MetricSettings: Sendable, Hashable, Codable {
    /// Neighbours that vote in K-NN.
    public var knnK: Int
    /// K-Means restarts (best inertia kept).
    public var kmeansNInit: Int
    /// Maximum Lloyd iterations per restart.
    public var kmeansMaxIterations: Int
    /// Inverse L2 strength of logistic regression.
    public var logisticC: Double
    /// Gradient tolerance of logistic regression (scikit-learn's `tol`; see ``LogisticRegression``).
    public var logisticTolerance: Double
    /// Maximum L-BFGS iterations of logistic regression.
    public var logisticMaxIterations: Int
    /// Which steps run, in canonical order (all by default).
    public var steps: [MetricStep] {
        didSet { steps = MetricStep.allCases.filter(Set(steps).contains) }
    }
    /// Seed of the metric random stream (K-Means seeding).
    public var seed: UInt64
    /// Which layers' bits make up the codes, as a spec writes it (`all`, `conv`, `fc` or names);
    /// recorded in every step's fingerprint when not `all`.
    public var codes: String
    /// Training and test examples measured (a fixed seeded subset of each), or nil for all;
    /// recorded in every step's fingerprint when set.
    public var examples: Int?

    /// Settings with the reference's defaults.
    public init(
        knnK: Int = 9, kmeansNInit: Int = 10, kmeansMaxIterations: Int = 300,
        logisticC: Double = 1, logisticTolerance: Double = 1e-4, logisticMaxIterations: Int = 200,
        steps: [MetricStep] = MetricStep.allCases, seed: UInt64 = 0, codes: String = "all", examples: Int? = nil
    ) {
        self.knnK = knnK
        self.kmeansNInit = kmeansNInit
        self.kmeansMaxIterations = kmeansMaxIterations
        self.logisticC = logisticC
        self.logisticTolerance = logisticTolerance
        self.logisticMaxIterations = logisticMaxIterations
        self.steps = MetricStep.allCases.filter(Set(steps).contains)
        self.seed = seed
        self.codes = codes
        self.examples = examples
    }

    /// Whether `step` runs.
    public func runs(_ step: MetricStep) -> Bool { steps.contains(step) }

    /// Throws for a value outside its allowed range.
    public func validate() throws(MetricsError) {
        guard knnK >= 1 else { throw .invalidSetting(name: "knn_k", value: "\(knnK)", allowed: "an integer >= 1") }
        guard kmeansNInit >= 1 else { throw .invalidSetting(name: "kmeans_n_init", value: "\(kmeansNInit)", allowed: "an integer >= 1") }
        guard kmeansMaxIterations >= 1 else {
            throw .invalidSetting(name: "kmeans_max_iterations", value: "\(kmeansMaxIterations)", allowed: "an integer >= 1")
        }
        guard logisticC > 0 && logisticC.isFinite else {
            throw .invalidSetting(name: "logistic_c", value: "\(logisticC)", allowed: "a positive number")
        }
        guard logisticTolerance > 0 && logisticTolerance.isFinite else {
            throw .invalidSetting(name: "logistic_tolerance", value: "\(logisticTolerance)", allowed: "a positive number")
        }
        guard logisticMaxIterations >= 1 else {
            throw .invalidSetting(name: "logistic_max_iterations", value: "\(logisticMaxIterations)", allowed: "an integer >= 1")
        }
    }

    enum CodingKeys: String, CodingKey {
        case knnK = "knn_k", kmeansNInit = "kmeans_n_init", kmeansMaxIterations = "kmeans_max_iterations"
        case logisticC = "logistic_c", logisticTolerance = "logistic_tolerance"
        case logisticMaxIterations = "logistic_max_iterations", steps, seed, codes, examples
    }

    public init(from decoder: any Decoder) throws {
        let defaults = MetricSettings()
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            knnK: try values.decodeIfPresent(Int.self, forKey: .knnK) ?? defaults.knnK,
            kmeansNInit: try values.decodeIfPresent(Int.self, forKey: .kmeansNInit) ?? defaults.kmeansNInit,
            kmeansMaxIterations: try values.decodeIfPresent(Int.self, forKey: .kmeansMaxIterations) ?? defaults.kmeansMaxIterations,
            logisticC: try values.decodeIfPresent(Double.self, forKey: .logisticC) ?? defaults.logisticC,
            logisticTolerance: try values.decodeIfPresent(Double.self, forKey: .logisticTolerance) ?? defaults.logisticTolerance,
            logisticMaxIterations: try values.decodeIfPresent(Int.self, forKey: .logisticMaxIterations)
                ?? defaults.logisticMaxIterations,
            steps: try values.decodeIfPresent([MetricStep].self, forKey: .steps) ?? defaults.steps,
            seed: try values.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed,
            codes: try values.decodeIfPresent(String.self, forKey: .codes) ?? defaults.codes,
            examples: try values.decodeIfPresent(Int.self, forKey: .examples))
    }
}
