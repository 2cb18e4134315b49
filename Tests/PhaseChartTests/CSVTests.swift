import Testing
import Sweep
@testable import PhaseChart

@Suite("CSV: RFC 4180 output and round trips")
struct CSVTests {
    @Test("fields with commas, quotes and line breaks are quoted; others are not")
    func escaping() {
        #expect(CSVTable.escape("plain") == "plain")
        #expect(CSVTable.escape("a,b") == "\"a,b\"")
        #expect(CSVTable.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.escape("two\nlines") == "\"two\nlines\"")
        let table = CSVTable(header: ["a", "b"], rows: [["1", "x,y"]])
        #expect(table.text == "a,b\r\n1,\"x,y\"\r\n")
    }

    @Test("an awkward table survives a round trip through an RFC 4180 parser")
    func awkwardRoundTrip() throws {
        let rows = [["plain", "with,comma", "with \"quotes\""], ["line\r\nbreak", "", "trailing space "], ["ü", "≥ 0.2", "\"\""]]
        let table = CSVTable(header: ["a", "b", "c"], rows: rows)
        #expect(try CSVParser.parse(table.text) == [table.header] + rows)
    }

    @Test("measurements.csv: stable leading columns, one row per trajectory and epoch, exact numbers")
    func measurements() throws {
        let records = SyntheticMeasurements.realisticSweep(seeds: 2, learningRates: [0.01, 0.1])
        let parsed = try CSVParser.parse(MeasurementsTable.table(records).text)
        let header = parsed[0]
        #expect(Array(header.prefix(7)) == ["trajectory_id", "spec_hash", "status", "seed", "epochs", "lr", "width"])
        #expect(header.contains("redundancy_train") && header.contains("train_loss"))
        #expect(parsed.count == records.count + 1)
        #expect(parsed.dropFirst().allSatisfy { $0.count == header.count })
        // Every value reads back exactly.
        let column = try #require(header.firstIndex(of: "knn_test_accuracy"))
        let written = Set(parsed.dropFirst().map { Double($0[column])! })
        #expect(written == Set(records.map { $0.metrics["knn_test_accuracy"]! }))
        // Sorted by axes, then seed, then epoch.
        #expect(parsed[1][5] == "0.01" && parsed[1][6] == "8" && parsed[1][3] == "0" && parsed[1][4] == "1")
    }

    @Test("cells.csv: axes, n, regime, reason, per-metric summaries and thresholds round-trip")
    func cells() throws {
        let records = SyntheticMeasurements.realisticSweep(seeds: 3)
        let analysis = try PhaseAnalysis(records: records, settings: PhaseSettings(), source: "test")
        let parsed = try CSVParser.parse(analysis.cellsTable.text)
        let header = parsed[0]
        #expect(Array(header.prefix(9)) == ["epochs", "lr", "width", "n", "seeds", "regime", "reason", "flags", "accuracy_gap"])
        #expect(Array(header.suffix(CellsTable.settingsColumns.count)) == CellsTable.settingsColumns)
        #expect(header.contains("redundancy_train_ci_low") && header.contains("knn_test_accuracy_sem"))
        #expect(parsed.count == analysis.grid.cells.count + 1)
        let regime = try #require(header.firstIndex(of: "regime")), reason = try #require(header.firstIndex(of: "reason"))
        for (row, label) in zip(parsed.dropFirst(), analysis.classifications) {
            #expect(row[regime] == label.regime?.rawValue)
            #expect(row[reason] == label.reason)
            #expect(row[header.firstIndex(of: "n")!] == "3")
        }
        let mean = try #require(header.firstIndex(of: "redundancy_train_mean"))
        #expect(Double(parsed[1][mean]) == analysis.grid.cells[0].metrics["redundancy_train"]!.mean)
        let low = try #require(header.firstIndex(of: "redundancy_low"))
        #expect(parsed[1][low] == "0.05" && parsed[1].last == "width;depth;epochs;samples")
    }
}
