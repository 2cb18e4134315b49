import Testing
import Sweep
@testable import PhaseChart

@Suite("Aggregation of measurements into cells")
struct AggregationTests {
    private func record(_ id: String, width: Int, seed: Int, epoch: Int, redundancy: Double) -> ChartMeasurement {
        ChartMeasurement(trajectoryID: id, axes: ["width": .int(width), "seed": .int(seed)], seed: seed, epoch: epoch,
                          status: "done", specHash: "h", metrics: ["redundancy_train": redundancy])
    }

    @Test("a trajectory measured at three epochs contributes to three cells")
    func epochsAreCells() {
        let records = [1, 5, 10].map { record("t", width: 8, seed: 0, epoch: $0, redundancy: 0.1) }
        let grid = CellGrid(records: records)
        #expect(grid.cells.count == 3)
        #expect(grid.axes == ["epochs", "width"])
        #expect(grid.values["epochs"] == [.int(1), .int(5), .int(10)])
        #expect(grid.cells.map { $0.coordinates["epochs"] } == [.int(1), .int(5), .int(10)])
    }

    @Test("seeds are aggregated: mean, sd and CI of a cell")
    func seedsAggregate() throws {
        let records = (0..<5).map { record("t\($0)", width: 16, seed: $0, epoch: 2, redundancy: Double($0 + 1)) }
        let grid = CellGrid(records: records)
        #expect(grid.cells.count == 1)
        let cell = try #require(grid.cell(at: ["width": .int(16), "epochs": .int(2)]))
        #expect(cell.n == 5 && cell.seeds == [0, 1, 2, 3, 4])
        let s = try #require(cell.metrics["redundancy_train"])
        #expect(s.mean == 3 && abs(s.ciLow! - 1.0367568385224428) < 1e-9)
        #expect(grid.axes.contains("seed") == false)
    }

    @Test("neighbours: next larger value with every other axis equal, skipping holes")
    func neighbours() throws {
        let records = [8, 16, 64].map { record("w\($0)", width: $0, seed: 0, epoch: 1, redundancy: 0.5) }
            + [record("w32", width: 32, seed: 0, epoch: 2, redundancy: 0.5)]
        let grid = CellGrid(records: records)
        let cell8 = try #require(grid.cell(at: ["width": .int(8), "epochs": .int(1)]))
        let cell16 = try #require(grid.cell(at: ["width": .int(16), "epochs": .int(1)]))
        #expect(grid.nextLarger(than: cell8, along: "width")?.coordinates["width"] == .int(16))
        // 32 exists only at epoch 2: the neighbour of 16 at epoch 1 is 64.
        #expect(grid.nextLarger(than: cell16, along: "width")?.coordinates["width"] == .int(64))
        let cell64 = try #require(grid.cell(at: ["width": .int(64), "epochs": .int(1)]))
        #expect(grid.nextLarger(than: cell64, along: "width") == nil)
        #expect(grid.varies("width") && grid.varies("epochs"))
    }

    @Test("axis values sort numerically, then strings")
    func ordering() {
        let values: [AxisValue] = [.string("b"), .double(0.1), .int(2), .string("a"), .double(10)]
        #expect(values.sorted(by: AxisValue.chartOrder) == [.double(0.1), .int(2), .double(10), .string("a"), .string("b")])
        #expect(AxisValue.double(0.01).matches("0.010") && AxisValue.int(64).matches("64") && !AxisValue.int(64).matches("6"))
    }
}
