import Testing
@testable import Sweep

@Suite("Trajectory identity")
struct GridIdentityTests {
    @Test("Golden canonical JSON and id of the default configuration")
    func goldenDefault() {
        let configuration = TrajectoryConfiguration()
        #expect(configuration.canonicalJSON == GridIdentityTests.defaultJSON)
        #expect(configuration.contentHash == GridIdentityTests.defaultID)
    }

    @Test("Golden ids of spec points")
    func goldenSpecPoints() throws {
        let spec = try validSpec(specText(dataset: "dataset: {name: mnist, holdout: 0.2}",
                                          grid: "  epochs: [0, 1]\n  width: [16, 512]\n  lr: [0.1, 0.01]"))
        #expect(spec.trajectories.map(\.id) == GridIdentityTests.specIDs)
        #expect(spec.trajectories.allSatisfy { $0.id.count == 16 && $0.id.allSatisfy(\.isHexDigit) })
    }

    @Test("Spellings of one number give one id", arguments: [("0.1", "1e-1"), ("1", "1.0"), ("0.001", "1.0e-3"), ("2", "2.00")])
    func canonicalNumbers(_ spellings: (String, String)) throws {
        let a = try validSpec(specText(sections: "train: {lr: \(spellings.0)}\n"))
        let b = try validSpec(specText(sections: "train: {lr: \(spellings.1)}\n"))
        #expect(a.trajectories[0].id == b.trajectories[0].id)
        let c = try validSpec(specText(grid: "  epochs: [1]\n  lr: [\(spellings.1)]"))
        #expect(a.trajectories[0].id == c.trajectories[0].id)
    }

    @Test("The epoch list is not part of identity")
    func epochsOutsideIdentity() throws {
        let short = try validSpec(specText(grid: "  epochs: [1, 5, 10]\n  width: [8, 16]\n  seed: 2"))
        let long = try validSpec(specText(grid: "  epochs: [0, 1, 5, 10, 20]\n  width: [8, 16]\n  seed: 2"))
        #expect(short.trajectories.map(\.id) == long.trajectories.map(\.id))
        #expect(long.trajectories.allSatisfy { $0.epochs == [0, 1, 5, 10, 20] })
    }

    @Test("Where the dataset lives is not part of identity")
    func pathOutsideIdentity() throws {
        let here = try validSpec(specText(dataset: "dataset: {name: mnist, path: ../shared/datasets/mnist}"))
        let there = try validSpec(specText(dataset: "dataset: {name: mnist, path: /data/mnist}"))
        #expect(here.trajectories[0].id == there.trajectories[0].id)
        #expect(here.trajectories[0].configuration.datasetPath == "../shared/datasets/mnist")
    }

    @Test("Settings with no effect are normalised away; settings with an effect split identity")
    func normalisation() {
        var adam = TrajectoryConfiguration()
        adam.optimizer = "adam"
        var adamOtherMomentum = adam
        adamOtherMomentum.momentum = 0.5
        #expect(adam.normalized().contentHash == adamOtherMomentum.normalized().contentHash)
        var sgdOtherMomentum = TrajectoryConfiguration()
        sgdOtherMomentum.momentum = 0.5
        #expect(TrajectoryConfiguration().normalized().contentHash != sgdOtherMomentum.normalized().contentHash)
        var mnist = TrajectoryConfiguration()
        mnist.dataset = "mnist"
        mnist.synthetic = SyntheticDataConfiguration()
        #expect(mnist.normalized().synthetic == nil)
        #expect(TrajectoryConfiguration().normalized().synthetic == SyntheticDataConfiguration())
    }

    @Test("Canonical number spellings", arguments: [
        (1.0, "1"), (0.1, "0.1"), (1e-8, "1e-8"), (-0.0, "0"), (2.5e20, "2.5e20"), (1e15, "1000000000000000"), (1e16, "1e16"), (1.5e-300, "1.5e-300"), (-3.25, "-3.25"), (123456.0, "123456"),
    ])
    func numberText(_ pair: (Double, String)) {
        #expect(CanonicalNumber.text(pair.0) == pair.1)
    }

    @Test("Canonical JSON sorts keys by bytes, escapes strings and leaves out nil")
    func canonicalJSON() {
        struct Sample: Encodable {
            var b: Double = 1
            var a: [String] = ["x\"y", "tab\there"]
            var n: Int? = nil
            var Z: Bool = true
            var nested: [String: Int] = ["k2": 2, "k1": 1]
        }
        #expect(CanonicalJSON.encode(Sample()) == #"{"Z":true,"a":["x\"y","tab\u0009here"],"b":1,"nested":{"k1":1,"k2":2}}"#)
    }

    @Test("A key written twice keeps its last value")
    func repeatedKey() {
        struct Twice: Encodable {
            enum Key: String, CodingKey { case a, b }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(1, forKey: .b)
                try container.encode("x", forKey: .a)
                try container.encode(2, forKey: .b)
            }
        }
        #expect(CanonicalJSON.encode(Twice()) == #"{"a":"x","b":2}"#)
    }

    static let defaultJSON = """
        {"activation":"relu","adamEpsilon":1e-8,"batchSize":128,"batchnorm":false,"batchnormEpsilon":0.001,\
        "batchnormMomentum":0.99,"beta1":0.9,"beta2":0.999,"dataset":"synthetic","depth":1,"holdout":0,\
        "initializer":"glorot_uniform","kmeansNInit":10,"knnK":9,"labelNoise":0,"leakySlope":0.01,"logisticC":1,\
        "lr":0.01,"metrics":["all"],"momentum":0.9,"nesterov":false,"optimizer":"sgd","schedule":"constant",\
        "seed":0,"standardize":false,"stepEvery":20,"stepGamma":0.1,"subsample":"first","tile":false,\
        "weightDecay":0,"weightDecayMode":"l2","weightDecayScope":"weights","width":100}
        """
    static let defaultID = "54631badae01bd37"
    static let specIDs = ["fbc770347d1296ea", "21dadbefa530d618", "cb1d36cd8be57279", "d4efe1aa166548ea"]
}
