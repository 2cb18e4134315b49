import Foundation
import Testing
import Sweep
@testable import PhaseChart

@Suite("Reading measurements from a sweep database")
struct StoreReaderTests {
    static let specText = """
        name: store-reader
        dataset: {name: synthetic}
        grid:
          epochs: [1, 5]
          width: [8, 16]
          seed: 2
        phase:
          redundancy_low: 0.04
        """

    /// A database holding the spec above; with `measured`, the first `trajectories` (all by
    /// default) measured at each epoch.
    private func database(in folder: URL, measured: Bool, trajectories: Int = .max) throws -> String {
        let path = folder.appendingPathComponent("sweep.sqlite").path
        let spec = try SweepSpec(parsing: Self.specText, file: "store-reader.yaml")
        let store = try SweepStore.openOrCreate(path: path)
        _ = try store.synchronize(with: SweepDefinition(spec: spec, toolVersion: "test"))
        guard measured else { return path }
        let worker = WorkerIdentity(name: "test", pid: getpid())
        var claimed = 0
        while claimed < trajectories, let claim = try store.claimNext(for: worker) {
            claimed += 1
            let settings = try claim.trajectory.configuration.metricSettings().fingerprints
            for epoch in claim.epochsToMeasure {
                let width = Double(claim.trajectory.configuration.width)
                let metrics = [("redundancy_train", 1 / width / Double(epoch)), ("knn_test_accuracy", 0.5 + width / 100)]
                try store.record(MeasurementInput(epoch: epoch, metrics: metrics, trainSeconds: 0, measureSeconds: 0, settings: settings),
                                 checkpoint: Data([1]), for: claim)
            }
            try store.finish(claim)
        }
        return path
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chart-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("measurements, axes, status and the stored spec's phase settings are read")
    func reads() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try SweepStoreReader.load(databasePath: try database(in: folder, measured: true), spec: nil)
        #expect(loaded.name == "store-reader")
        #expect(loaded.settings.redundancyLow == 0.04)
        #expect(loaded.measurements.count == 2 * 2 * 2)
        #expect(Set(loaded.measurements.map(\.status)) == ["done"])
        let first = try #require(loaded.measurements.first { $0.axes["width"] == .int(16) && $0.epoch == 5 && $0.seed == 1 })
        #expect(first.metrics["redundancy_train"] == 1.0 / 80)
        let grid = CellGrid(records: loaded.measurements)
        #expect(grid.axes == ["epochs", "width"] && grid.cells.count == 4 && grid.cells.allSatisfy { $0.n == 2 })
    }

    @Test("a sweep with nothing measured yet, and a file that is no database, are clear errors")
    func errors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try database(in: folder, measured: false)
        #expect(throws: PhaseChartError.noMeasurements(source: path)) { try SweepStoreReader.load(databasePath: path, spec: nil) }
        let missing = folder.appendingPathComponent("none.sqlite").path
        do {
            _ = try SweepStoreReader.load(databasePath: missing, spec: nil)
            Issue.record("a missing database was read")
        } catch {
            #expect(error.description.hasPrefix("Could not read the sweep database \(missing): "))
        }
    }

    @Test("a sweep with work left is labelled partial: the count of measurements in both captions")
    func partialSweep() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try SweepStoreReader.load(databasePath: try database(in: folder, measured: true, trajectories: 3), spec: nil)
        #expect(loaded.measurements.count == 6 && loaded.requestedMeasurements == 8)
        var analysis = try PhaseAnalysis(records: loaded.measurements, settings: loaded.settings, source: "test")
        analysis.requestedMeasurements = loaded.requestedMeasurements
        #expect(analysis.partialNote == "partial: 6 of 8 measurements")
        let selection = try analysis.selection(x: "width", y: "epochs", facet: nil, fixes: [])
        let style = FigureStyle(widthInches: 6.75)
        #expect(analysis.phaseChart(selection, style: style).svg().contains("Partial: 6 of 8 measurements."))
        #expect(analysis.curves(selection, style: style).svg().contains("Partial: 6 of 8 measurements."))

        let finished = try SweepStoreReader.load(databasePath: try database(in: try temporaryFolder(), measured: true), spec: nil)
        var complete = try PhaseAnalysis(records: finished.measurements, settings: finished.settings, source: "test")
        complete.requestedMeasurements = finished.requestedMeasurements
        #expect(complete.partialNote == nil)
        #expect(!complete.phaseChart(selection, style: style).svg().contains("Partial"))
    }
}
