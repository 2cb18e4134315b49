import Foundation
import GRDB
import Testing
@testable import Sweep

/// Changing a metric setting keeps every trajectory and re-measures, with the real binary on real files.
@Suite("Re-measuring with changed metric settings", .serialized)
struct RemeasureTests {
    static let epochs = [0, 2, 4]

    static func spec(name: String, metrics: String, checkpoints: String = "measured") -> String {
        TinySpec.text(name: name, epochs: epochs, widths: [4, 8], samples: [100], seeds: 1, metrics: metrics)
            + "  checkpoints: \(checkpoints)\n"
    }

    /// Metrics by trajectory id and epoch.
    static func metrics(_ store: SweepStore) throws -> [String: [Int: [String: Double]]] {
        var result: [String: [Int: [String: Double]]] = [:]
        for record in try store.measurements() { result[record.trajectoryID, default: [:]][record.epoch] = record.metrics }
        return result
    }

    /// Every checkpoint's write time, so that a test can tell that nothing was trained.
    static func checkpointWrites(_ store: SweepStore) throws -> [Double] {
        try store.read { db in
            try Double.fetchAll(db, sql: "SELECT written_at FROM epoch_checkpoint UNION ALL SELECT written_at FROM checkpoint ORDER BY 1")
        }
    }

    /// Runs `text` from scratch in a folder of its own and returns its metrics.
    static func fresh(_ text: String, name: String) throws -> [String: [Int: [String: Double]]] {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(text, name: name, in: folder)
        let run = try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        return try metrics(SweepStore.open(path: folder.file("results/\(name)/sweep.sqlite")))
    }

    @Test("a changed knn_k re-measures from kept checkpoints without training and equals a fresh run")
    func changedSettingFromCheckpoints() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(Self.spec(name: "re", metrics: "{run: [redundancy, knn], knn_k: 3}"), name: "re", in: folder)
        #expect(try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder).status == 0)
        let store = try SweepStore.open(path: folder.file("results/re/sweep.sqlite"))
        let before = try Self.metrics(store), ids = Set(before.keys), writes = try Self.checkpointWrites(store)
        #expect(ids.count == 2 && writes.count == 2 * (Self.epochs.count + 1))

        let edited = Self.spec(name: "re", metrics: "{run: [redundancy, knn], knn_k: 5}")
        _ = try TinySpec.write(edited, name: "re", in: folder)
        let plan = try HashSweepProcess.run(["plan", spec], in: folder)
        #expect(plan.output.contains("re-measured from checkpoints 2: 6 measurements"), "\(plan.output)")
        #expect(plan.output.contains("`knn` k=3 -> k=5"), "\(plan.output)")
        #expect(!plan.output.contains("new ") && !plan.output.contains("retired"), "\(plan.output)")

        let measure = try HashSweepProcess.run(["measure", spec, "-j", "2"], in: folder)
        #expect(measure.status == 0, "\(measure.error)")
        #expect(measure.output.contains("2 trajectories (0 new, 0 extended, 2 to re-measure, 0 retired)"), "\(measure.output)")
        let after = try Self.metrics(store)
        #expect(Set(after.keys) == ids, "the trajectories kept their ids")
        #expect(try Self.checkpointWrites(store) == writes, "nothing was trained")
        #expect(try store.trajectories().allSatisfy { $0.status == .done && !$0.isRetired })
        for (id, epochs) in after {
            for (epoch, values) in epochs {
                #expect(values["redundancy_train"] == before[id]?[epoch]?["redundancy_train"])
            }
        }
        #expect(after == (try Self.fresh(edited, name: "re")), "re-measured numbers equal a fresh run's")

        let again = try HashSweepProcess.run(["plan", spec], in: folder)
        #expect(again.output.contains("unchanged 2: nothing left to do") && !again.output.contains("re-measured from"), "\(again.output)")
    }

    @Test("without kept checkpoints a new metric step re-measures by training again, equal to a fresh run")
    func newStepByTraining() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(Self.spec(name: "step", metrics: "{run: [redundancy]}", checkpoints: "last"), name: "step", in: folder)
        #expect(try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder).status == 0)
        let store = try SweepStore.open(path: folder.file("results/step/sweep.sqlite"))
        let ids = Set(try Self.metrics(store).keys)

        let edited = Self.spec(name: "step", metrics: "{run: [redundancy, knn]}", checkpoints: "last")
        _ = try TinySpec.write(edited, name: "step", in: folder)
        let plan = try HashSweepProcess.run(["plan", spec], in: folder)
        // The last epoch's checkpoint is the latest one, kept either way; epochs 0 and 2 need training.
        #expect(plan.output.contains("re-measured from checkpoints 2: 2 measurements"), "\(plan.output)")
        #expect(plan.output.contains("re-measured by training again 2: 4 measurements"), "\(plan.output)")
        #expect(plan.output.contains("`knn` not measured before"), "\(plan.output)")

        let measure = try HashSweepProcess.run(["measure", spec, "-j", "2"], in: folder)
        #expect(measure.status == 0, "\(measure.error)")
        #expect(measure.output.contains("2 trajectories still need training"), "\(measure.output)")
        let run = try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let after = try Self.metrics(store)
        #expect(Set(after.keys) == ids)
        #expect(after.values.allSatisfy { $0.values.allSatisfy { $0["knn_test_accuracy"] != nil } })
        #expect(after == (try Self.fresh(edited, name: "step")), "re-measured numbers equal a fresh run's")
    }
}
