import Testing
@testable import Sweep

/// Parses a spec that is expected to be valid, recording its problems otherwise.
func validSpec(_ text: String) throws -> SweepSpec {
    do {
        return try SweepSpec(parsing: text, file: "t.yaml")
    } catch {
        Issue.record("unexpected spec errors:\n\(error)")
        throw error
    }
}

@Suite("Grid expansion")
struct GridExpansionTests {
    @Test("The product of the axes, the last varying fastest, seed last when implicit")
    func productOrder() throws {
        let spec = try validSpec(specText(grid: "  epochs: [1]\n  width: [8, 16, 32]\n  depth: [1, 2]"))
        #expect(spec.grid.axisNames == ["width", "depth", "seed"])
        #expect(spec.trajectories.count == 6)
        let points = spec.trajectories.map { [$0.axes["width"]!, $0.axes["depth"]!] }
        #expect(points == [[.int(8), .int(1)], [.int(8), .int(2)], [.int(16), .int(1)],
                           [.int(16), .int(2)], [.int(32), .int(1)], [.int(32), .int(2)]])
        #expect(spec.trajectories.allSatisfy { $0.axes["seed"] == .int(0) && $0.axes["epochs"] == nil })
        #expect(spec.trajectories.map(\.configuration.width) == [8, 8, 16, 16, 32, 32])
    }

    @Test("Seeds as a count or a list; train.seed gives the seed when not swept")
    func seeds() throws {
        let counted = try validSpec(specText(grid: "  epochs: [1]\n  seed: 4"))
        #expect(counted.trajectories.map(\.configuration.seed) == [0, 1, 2, 3])
        let listed = try validSpec(specText(grid: "  epochs: [1]\n  seed: [3, 7]"))
        #expect(listed.trajectories.map(\.configuration.seed) == [3, 7])
        let fixed = try validSpec(specText(sections: "train: {seed: 5}\n"))
        #expect(fixed.trajectories.map(\.axes) == [["seed": .int(5)]])
    }

    @Test("Zipped axes advance together and count as one dimension")
    func zipped() throws {
        let spec = try validSpec(specText(grid: """
              epochs: [1]
              width: [8, 16]
              zip:
                - lr: [0.1, 0.05, 0.01]
                  batch_size: [32, 64, 128]
            """))
        #expect(spec.grid.productCount == 6)
        #expect(spec.trajectories.count == 6)
        let pairs = spec.trajectories.map { "\($0.configuration.lr)/\($0.configuration.batchSize)" }
        #expect(pairs == ["0.1/32", "0.05/64", "0.01/128", "0.1/32", "0.05/64", "0.01/128"])
        #expect(spec.grid.dimensions.map(\.isZip) == [false, true, false])
    }

    @Test("Exclusions remove the points matching every comparison of any entry")
    func exclusions() throws {
        let spec = try validSpec(specText(grid: """
              epochs: [1]
              width: [8, 64, 128]
              depth: [1, 2, 3]
              activation: [relu, leaky_relu]
              exclude:
                - "width > 63.5 and depth == 3"
                - activation == 'leaky_relu' and width <= 8
            """))
        #expect(spec.grid.productCount == 18)
        // Entry 1 removes widths 64 and 128 at depth 3 (2 x 2 activations = 4); entry 2 removes width 8 leaky (3 depths).
        #expect(spec.trajectories.count == 18 - 4 - 3)
        for trajectory in spec.trajectories {
            let c = trajectory.configuration
            #expect(!(c.width > 63 && c.depth == 3))
            #expect(!(c.activation == "leaky_relu" && c.width == 8))
        }
        #expect(spec.grid.exclusions.map(\.description) == ["width > 63.5 and depth == 3", "activation == leaky_relu and width <= 8"])
    }

    @Test("Rounded log-spaced integers from values, with exact endpoints")
    func roundedLogspace() throws {
        let spec = try validSpec(specText(dataset: "dataset: {name: mnist, holdout: 0.2}",
                                          grid: "  epochs: [1]\n  samples: {logspace: [10, 48000], num: 8, round: int}"))
        #expect(spec.grid.axis("samples")?.values == [10, 34, 113, 378, 1269, 4260, 14300, 48000].map(AxisValue.int))
        #expect(spec.trajectories.map(\.configuration.samples) == [10, 34, 113, 378, 1269, 4260, 14300, 48000])
    }

    @Test("Generated reals are rounded to 12 significant digits, so they equal their literals")
    func generatedReals() throws {
        let log = try validSpec(specText(grid: "  epochs: [1]\n  lr: {logspace: [0.0001, 0.1], num: 4}"))
        #expect(log.grid.axis("lr")?.values == [.double(0.0001), .double(0.001), .double(0.01), .double(0.1)])
        let lin = try validSpec(specText(grid: "  epochs: [1]\n  label_noise: {linspace: [0, 0.5], num: 6}"))
        #expect(lin.grid.axis("label_noise")?.values == [0, 0.1, 0.2, 0.3, 0.4, 0.5].map(AxisValue.double))
        let whole = try validSpec(specText(grid: "  epochs: {linspace: [0, 20], num: 5}"))
        #expect(whole.epochs == [0, 5, 10, 15, 20])
    }

    @Test("Axis values apply over section values; other section values reach every point")
    func sectionsAndAxes() throws {
        let spec = try validSpec(specText(sections: "model: {depth: 2, width: 50}\ntrain: {lr: 0.5, optimizer: adam}\n",
                                          grid: "  epochs: [1]\n  lr: [0.1, 0.01]"))
        #expect(spec.trajectories.map(\.configuration.lr) == [0.1, 0.01])
        #expect(spec.trajectories.allSatisfy { $0.configuration.depth == 2 && $0.configuration.width == 50 && $0.configuration.optimizer == "adam" })
        #expect(spec.base.lr == 0.5)
    }

    @Test("Expansion is deterministic")
    func deterministic() throws {
        let first = try validSpec(ExampleSpec.text)
        let second = try validSpec(ExampleSpec.text)
        #expect(Array(first.trajectories) == Array(second.trajectories))
    }
}
