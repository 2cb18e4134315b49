import Testing
import Sweep
@testable import PhaseChart

@Suite("Regime classifier on synthetic grids with known regimes")
struct ClassifierTests {
    typealias S = SyntheticMeasurements

    /// Widths 8, 16, 32, 64 at one epoch; redundancy falls to a plateau, accuracy rises to one.
    private func plateau(seeds: Int) -> [ChartMeasurement] {
        let means: [(Int, Double, Double)] = [(8, 0.50, 0.60), (16, 0.25, 0.80), (32, 0.03, 0.95), (64, 0.03, 0.95)]
        return means.flatMap { width, r, a in
            S.records(axes: ["width": .int(width)], epoch: 10,
                      values: Array(zip(S.around(r, spread: 0.004, count: seeds), S.around(a, spread: 0.004, count: seeds))))
        }
    }

    private func classify(_ records: [ChartMeasurement], settings: PhaseSettings = PhaseSettings())
        -> [Int: RegimeClassification] {
        let grid = CellGrid(records: records)
        let labels = RegimeClassifier(settings: settings).classify(grid)
        var byWidth: [Int: RegimeClassification] = [:]
        for (cell, label) in zip(grid.cells, labels) {
            if case .int(let width)? = cell.coordinates["width"] { byWidth[width] = label }
        }
        return byWidth
    }

    @Test("a monotone surface with a plateau: under, under, sufficient, sufficient at the edge")
    func monotonePlateau() throws {
        let labels = classify(plateau(seeds: 5))
        #expect(labels[8]?.regime == .underExpressive)
        #expect(labels[16]?.regime == .underExpressive)
        #expect(labels[32]?.regime == .sufficientlyExpressive)
        #expect(labels[64]?.regime == .sufficientlyExpressive)
        let under = try #require(labels[8])
        #expect(under.reason.contains("significant improvement") && under.reason.contains("Welch"))
        #expect(under.flags.isEmpty)
        #expect(labels[32]?.flags.isEmpty == true)
        // The widest cell has no larger neighbour: labelled by level, flagged, the reason says so.
        let edge = try #require(labels[64])
        #expect(edge.flags == [.edgeOfGrid] && edge.edgeAxes == ["width"])
        #expect(edge.reason.contains("by level alone") && edge.flagsText == "edge_of_grid(width)")
        // The ceiling is the best cell mean: 0.95.
        #expect(abs(labels[8]!.accuracyGap! - 0.35) < 1e-9)
    }

    @Test("noisy seeds: a noticeable but insignificant change is critically-expressive")
    func noisySeeds() throws {
        let noisy = S.records(axes: ["width": .int(8)], epoch: 1,
                              values: Array(zip([0.1, 0.5, 0.2, 0.6, 0.3], [0.7, 0.7, 0.7, 0.7, 0.7])))
            + S.records(axes: ["width": .int(16)], epoch: 1,
                        values: Array(zip([0.05, 0.6, 0.1, 0.5, 0.2], [0.7, 0.7, 0.7, 0.7, 0.7])))
        var settings = PhaseSettings()
        settings.accuracyCeiling = 0.95
        let labels = classify(noisy, settings: settings)
        let label = try #require(labels[8])
        #expect(label.regime == .criticallyExpressive)
        #expect(label.reason.contains("without significant improvement"))
        let trend = try #require(label.trends.first { $0.metric == "redundancy_train" })
        #expect(abs(trend.difference - -0.05) < 1e-9 && trend.test!.p > 0.5)
        #expect(label.flags.contains(.ciStraddlesThreshold))
    }

    @Test("one seed: effect size only, flagged, and the reason says so")
    func oneSeed() throws {
        let labels = classify(plateau(seeds: 1))
        #expect(labels[8]?.regime == .underExpressive)
        #expect(labels[32]?.regime == .sufficientlyExpressive)
        let label = try #require(labels[8])
        #expect(label.flags.contains(.tooFewSeeds) && label.flags.contains(.effectSizeOnly))
        #expect(label.reason.contains("effect size only, n=1 vs 1"))
        #expect(label.trends.allSatisfy { $0.test == nil })
    }

    @Test("fewer seeds than min_seeds are flagged even when a test is possible")
    func fewSeeds() {
        let labels = classify(plateau(seeds: 2))
        #expect(labels[8]?.flags.contains(.tooFewSeeds) == true)
        #expect(labels[8]?.flags.contains(.effectSizeOnly) == false)
    }

    @Test("one value on an axis: no trend along it and no edge flag for it")
    func singleValueAxis() throws {
        // Width has a single value; epochs carries the trend.
        let records = [(1, 0.4, 0.6), (5, 0.1, 0.85), (20, 0.01, 0.95), (50, 0.01, 0.95)].flatMap { epoch, r, a in
            S.records(axes: ["width": .int(32)], epoch: epoch,
                      values: Array(zip(S.around(r, spread: 0.003, count: 4), S.around(a, spread: 0.003, count: 4))))
        }
        let grid = CellGrid(records: records)
        let labels = RegimeClassifier(settings: PhaseSettings()).classify(grid)
        #expect(labels.map(\.regime) == [.underExpressive, .underExpressive, .sufficientlyExpressive, .sufficientlyExpressive])
        #expect(labels.allSatisfy { !$0.edgeAxes.contains("width") })
        #expect(labels[0].trends.allSatisfy { $0.axis == "epochs" })
        #expect(labels[3].edgeAxes == ["epochs"])
    }

    @Test("a poor cell at the grid's edge is under-expressive by level alone")
    func poorEdge() throws {
        let records = S.records(axes: ["width": .int(8)], epoch: 1, values: [(0.5, 0.6), (0.52, 0.61), (0.49, 0.59)])
            + S.records(axes: ["width": .int(16)], epoch: 1, values: [(0.4, 0.7), (0.41, 0.71), (0.39, 0.69)])
        var settings = PhaseSettings()
        settings.accuracyCeiling = 0.98
        let labels = classify(records, settings: settings)
        #expect(labels[8]?.regime == .underExpressive)
        let edge = try #require(labels[16])
        #expect(edge.regime == .underExpressive && edge.reason.hasPrefix("under-expressive by level alone"))
        #expect(edge.flags.contains(.edgeOfGrid))
    }

    @Test("a good level that still improves noticeably is critically-expressive")
    func stillChanging() throws {
        let records = S.records(axes: ["width": .int(32)], epoch: 1, values: [(0.04, 0.93), (0.04, 0.931), (0.04, 0.929)])
            + S.records(axes: ["width": .int(64)], epoch: 1, values: [(0.0, 0.96), (0.0, 0.961), (0.0, 0.959)])
        let labels = classify(records)
        let label = try #require(labels[32])
        #expect(label.regime == .criticallyExpressive && label.reason.contains("good level") && label.reason.contains("still changing"))
    }

    @Test("cells without the redundancy or categorization metric are not classified")
    func missingMetric() {
        var records = plateau(seeds: 3)
        records[0].metrics["knn_test_accuracy"] = nil
        records[1].metrics["knn_test_accuracy"] = nil
        records[2].metrics["knn_test_accuracy"] = nil
        let labels = classify(records)
        #expect(labels[8]?.regime == nil && labels[8]?.reason == "not classified: knn_test_accuracy not measured")
        #expect(labels[16]?.regime == .underExpressive)
    }

    @Test("the realistic sweep has all three regimes, ordered along width and epochs")
    func realisticOrder() throws {
        let grid = CellGrid(records: S.realisticSweep())
        let labels = RegimeClassifier(settings: PhaseSettings()).classify(grid)
        let regimes = Set(labels.compactMap(\.regime))
        #expect(regimes == Set(Regime.allCases))
        func label(_ width: Int, _ epoch: Int) -> Regime? {
            let index = grid.cells.firstIndex { $0.coordinates["width"] == .int(width) && $0.coordinates["epochs"] == .int(epoch) }
            return index.flatMap { labels[$0].regime }
        }
        #expect(label(8, 1) == .underExpressive)
        #expect(label(256, 50) == .sufficientlyExpressive)
    }
}
