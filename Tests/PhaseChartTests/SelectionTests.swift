import Foundation
import Testing
import Sweep
@testable import PhaseChart

@Suite("Chart selection, analysis errors and output files")
struct SelectionTests {
    private let grid = CellGrid(records: SyntheticMeasurements.realisticSweep(seeds: 2, learningRates: [0.01, 0.1]))

    @Test("an unknown axis names the available ones")
    func unknownAxis() {
        #expect(throws: PhaseChartError.unknownAxis("widht", role: "x", available: ["epochs", "lr", "width"])) {
            try ChartSelection(grid: grid, x: "widht", y: "epochs", facet: nil, fixes: [])
        }
        let error = PhaseChartError.unknownAxis("widht", role: "x", available: ["epochs", "lr", "width"])
        #expect(error.description == "The x axis 'widht' is not an axis of this sweep. Available axes: epochs, lr, width.")
        #expect(throws: PhaseChartError.unknownAxis("depth", role: "fixed", available: ["epochs", "lr", "width"])) {
            try ChartSelection(grid: grid, x: "width", y: "epochs", facet: nil, fixes: ["depth=2"])
        }
    }

    @Test("an axis fixed and charted at once, or charted twice, is refused")
    func conflicts() {
        #expect(throws: PhaseChartError.axisFixedAndCharted("width", role: "x")) {
            try ChartSelection(grid: grid, x: "width", y: "epochs", facet: nil, fixes: ["width=8"])
        }
        #expect(throws: PhaseChartError.axisUsedTwice("width", roles: ["x", "facet"])) {
            try ChartSelection(grid: grid, x: "width", y: "epochs", facet: "width", fixes: [])
        }
        #expect(throws: PhaseChartError.malformedFix("lr")) {
            try ChartSelection(grid: grid, x: "width", y: "epochs", facet: nil, fixes: ["lr"])
        }
        #expect(throws: PhaseChartError.unknownValue(axis: "lr", value: "0.5", available: ["0.01", "0.1"])) {
            try ChartSelection(grid: grid, x: "width", y: "epochs", facet: nil, fixes: ["lr=0.5"])
        }
    }

    @Test("unfixed axes with several values are held at their first value, with a note; --fix chooses")
    func heldAxes() throws {
        let held = try ChartSelection(grid: grid, x: "width", y: "epochs", facet: nil, fixes: [])
        #expect(held.fixed == [ChartSelection.HeldAxis(axis: "lr", value: .double(0.01))])
        #expect(held.notes == ["lr takes 2 values (0.01, 0.1); charted at lr = 0.01. Use --fix lr=VALUE or --facet lr to choose."])
        let fixed = try ChartSelection(grid: grid, x: "width", y: "epochs", facet: nil, fixes: ["lr=0.10"])
        #expect(fixed.fixed == [ChartSelection.HeldAxis(axis: "lr", value: .double(0.1))] && fixed.notes.isEmpty)
        #expect(fixed.cells(of: grid, facetValue: nil).count == 36)
        let faceted = try ChartSelection(grid: grid, x: "width", y: "epochs", facet: "lr", fixes: [])
        #expect(faceted.fixed.isEmpty && faceted.cells(of: grid, facetValue: .double(0.1)).count == 36)
    }

    @Test("the network's test accuracy is found under either of its names")
    func networkAccuracyNames() {
        #expect(MetricNames.curvePanels(measured: ["test_accuracy"]).last == "test_accuracy")
        #expect(MetricNames.curvePanels(measured: ["network_test_accuracy"]).last == "network_test_accuracy")
        #expect(MetricNames.curvePanels(measured: ["test_accuracy", "network_test_accuracy"]).last == "test_accuracy")
        #expect(MetricNames.shortTitle("network_test_accuracy") == "Network acc. (test)")
    }

    @Test("an empty store and an unmeasured metric are clear errors")
    func analysisErrors() {
        #expect(throws: PhaseChartError.noMeasurements(source: "results/demo/sweep.sqlite")) {
            try PhaseAnalysis(records: [], settings: PhaseSettings(), source: "results/demo/sweep.sqlite")
        }
        var settings = PhaseSettings()
        settings.categorizationMetric = "knn_accuracy"
        do {
            let analysis = try PhaseAnalysis(records: SyntheticMeasurements.realisticSweep(seeds: 1), settings: settings, source: "s")
            #expect(analysis.classifications.allSatisfy { $0.regime == nil })
            try analysis.requireRegimeMetrics()
            Issue.record("an unmeasured metric was accepted")
        } catch {
            #expect(error.description.hasPrefix("The metric 'knn_accuracy' was not measured in this sweep. Measured metrics: kmeans_test_majority, knn_test_accuracy,"))
        }
    }

    @Test("ChartFiles writes the four files into a new folder")
    func files() throws {
        let analysis = try PhaseAnalysis(records: SyntheticMeasurements.realisticSweep(seeds: 2), settings: PhaseSettings(), source: "s")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chartfiles-\(UUID().uuidString)/nested")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let selection = try analysis.selection(x: "width", y: "epochs", facet: nil, fixes: [])
        let urls = try ChartFiles.writeAll(analysis, selection: selection, style: FigureStyle(), to: directory)
        #expect(urls.map(\.lastPathComponent) == ["measurements.csv", "cells.csv", "phase-chart.svg", "curves.svg"])
        for url in urls { #expect(try Data(contentsOf: url).count > 1000) }
        #expect(try ChartFiles.writeCSV(analysis, to: directory).count == 2)
    }
}
