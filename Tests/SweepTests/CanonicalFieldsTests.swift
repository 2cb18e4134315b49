import Models
import Testing
@testable import Sweep

/// The table writer behind trajectory ids must give exactly `CanonicalJSON`'s text: ids are
/// stored in every database, and a field missing from the table would merge trajectories.
@Suite("Canonical fields: the fast writer of ids equals the Encoder-based one")
struct CanonicalFieldsTests {
    @Test("the default configuration, with and without synthetic settings")
    func defaults() {
        var configuration = TrajectoryConfiguration()
        #expect(String(decoding: TrajectoryConfiguration.canonicalFields.json(configuration), as: UTF8.self) == CanonicalJSON.encode(configuration))
        configuration.synthetic = SyntheticDataConfiguration()
        configuration.samples = 100
        configuration.datasetPath = "/data/mnist"
        #expect(String(decoding: TrajectoryConfiguration.canonicalFields.json(configuration), as: UTF8.self) == CanonicalJSON.encode(configuration))
    }

    @Test("2,000 random configurations: every field, awkward numbers and strings, absent optionals")
    func randomConfigurations() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<2_000 {
            let configuration = random.configuration()
            let fast = String(decoding: TrajectoryConfiguration.canonicalFields.json(configuration), as: UTF8.self)
            let reference = CanonicalJSON.encode(configuration)
            #expect(fast == reference)
            if fast != reference { break }
        }
    }

    @Test("ids of a spec's points are the hashes of the reference text")
    func specIDs() throws {
        let spec = try validSpec(specText(grid: "  epochs: [1]\n  width: [8, 16]\n  lr: [0.1, 1e-3]\n  seed: 2"))
        for trajectory in spec.trajectories {
            var identity = trajectory.configuration
            identity.datasetPath = nil
            #expect(identity.canonicalJSON == CanonicalJSON.encode(identity))
        }
    }
}

/// Reproducible generated test values, drawn from the models' own random stream.
struct SeededRandom: RandomNumberGenerator {
    private var stream: RandomStream

    init(seed: UInt64) { stream = RandomStream(seed: seed, streamIndex: 0) }

    mutating func next() -> UInt64 { stream.next() }

    mutating func number() -> Double {
        switch Int.random(in: 0..<6, using: &self) {
        case 0: Double(Int.random(in: -1_000...1_000, using: &self))
        case 1: Double.random(in: 0..<1, using: &self)
        case 2: Double.random(in: 1..<10, using: &self) * pow10(Int.random(in: -300...300, using: &self))
        case 3: -Double.random(in: 0..<1e6, using: &self)
        case 4: [0.0, -0.0, 0x1p53, 1e15, 1e16, 0.1, 1e-8].randomElement(using: &self)!
        default: Double(Float.random(in: 0..<1, using: &self))
        }
    }

    mutating func integer() -> Int {
        Bool.random(using: &self) ? Int.random(in: -5...5_000, using: &self) : Int.random(in: Int.min...Int.max, using: &self)
    }

    mutating func text() -> String {
        let pieces = ["relu", "a\"b", "back\\slash", "tab\there", "new\nline", "\u{1}", "é", "日本", "", "x y", "mnist"]
        return (0..<Int.random(in: 1...3, using: &self)).map { _ in pieces.randomElement(using: &self)! }.joined()
    }

    mutating func synthetic() -> SyntheticDataConfiguration {
        var s = SyntheticDataConfiguration()
        s.classes = integer(); s.dimension = integer(); s.trainSize = integer(); s.testSize = integer()
        s.seed = integer(); s.clustersPerClass = integer(); s.latentDimension = integer()
        s.clusterSpread = number(); s.featureNoise = number()
        return s
    }

    mutating func configuration() -> TrajectoryConfiguration {
        var c = TrajectoryConfiguration()
        c.dataset = text(); c.datasetPath = Bool.random(using: &self) ? text() : nil
        c.synthetic = Bool.random(using: &self) ? synthetic() : nil
        c.holdout = number(); c.subsample = text(); c.tile = Bool.random(using: &self)
        c.standardize = Bool.random(using: &self); c.samples = Bool.random(using: &self) ? integer() : nil
        c.labelNoise = number(); c.width = integer(); c.depth = integer(); c.activation = text()
        c.leakySlope = number(); c.batchnorm = Bool.random(using: &self); c.batchnormMomentum = number()
        c.batchnormEpsilon = number(); c.initializer = text(); c.optimizer = text(); c.lr = number()
        c.momentum = number(); c.nesterov = Bool.random(using: &self); c.beta1 = number(); c.beta2 = number()
        c.adamEpsilon = number(); c.batchSize = integer(); c.schedule = text(); c.stepEvery = integer()
        c.stepGamma = number(); c.weightDecay = number(); c.weightDecayMode = text(); c.weightDecayScope = text()
        c.seed = integer(); c.knnK = integer(); c.kmeansNInit = integer(); c.logisticC = number()
        c.metrics = (0..<Int.random(in: 0...3, using: &self)).map { _ in text() }
        return c
    }

    private func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value = exponent < 0 ? value / 10 : value * 10 }
        return value
    }
}

extension CanonicalFieldsTests {
    @Test("a writer reusing unchanged members gives each value's own text, whatever came before")
    func writerReusesMembers() {
        var random = SeededRandom(seed: 5)
        let writer = CanonicalFields.Writer(TrajectoryConfiguration.canonicalFields)
        var configuration = random.configuration()
        for round in 0..<1_000 {
            // Change a few fields at a time, as neighbouring grid points do, and now and then everything.
            if round % 50 == 0 { configuration = random.configuration() }
            let other = random.configuration()
            switch round % 4 {
            case 0: configuration.width = other.width; configuration.samples = other.samples
            case 1: configuration.lr = other.lr; configuration.synthetic = other.synthetic
            case 2: configuration.optimizer = other.optimizer; configuration.datasetPath = other.datasetPath
            default: configuration.metrics = other.metrics; configuration.seed = other.seed
            }
            let reused = writer.json(configuration)
            #expect(reused == TrajectoryConfiguration.canonicalFields.json(configuration))
            if reused != TrajectoryConfiguration.canonicalFields.json(configuration) { break }
        }
    }
}
