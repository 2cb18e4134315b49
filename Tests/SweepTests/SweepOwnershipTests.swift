import Foundation
import Testing
@testable import Sweep

/// A sweep belongs to the spec file that first ran it; `plan` names what changed.
@Suite("Sweep ownership and plan explanations", .serialized)
struct SweepOwnershipTests {
    @Test("another spec file with the same name is refused, naming both files and the ways out; --replace adopts")
    func anotherSpecWithTheSameName() throws {
        let folder = try TemporaryFolder()
        let first = try TinySpec.write(TinySpec.text(name: "shared", epochs: [0, 1], widths: [4], samples: [100], seeds: 1),
                                       name: "first", in: folder)
        #expect(try HashSweepProcess.run(["run", first, "-j", "1"], in: folder).status == 0)
        let store = try SweepStore.open(path: folder.file("results/shared/sweep.sqlite"))
        let before = try store.trajectories()

        let second = try TinySpec.write(TinySpec.text(name: "shared", epochs: [0, 1], widths: [8], samples: [100], seeds: 1),
                                        name: "second", in: folder)
        let refused = try HashSweepProcess.run(["run", second, "-j", "1"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.error.contains("first.yaml") && refused.error.contains("second.yaml"), "\(refused.error)")
        #expect(refused.error.contains("`name`") && refused.error.contains("--replace"), "\(refused.error)")
        #expect(try store.trajectories() == before, "the refused run changed nothing")

        // An edited version of the owning file keeps today's behaviour.
        _ = try TinySpec.write(TinySpec.text(name: "shared", epochs: [0, 1, 2], widths: [4], samples: [100], seeds: 1),
                               name: "first", in: folder)
        let edited = try HashSweepProcess.run(["run", first, "-j", "1"], in: folder)
        #expect(edited.status == 0, "\(edited.error)")
        #expect(edited.output.contains("1 extended"), "\(edited.output)")

        let adopted = try HashSweepProcess.run(["run", second, "-j", "1", "--replace"], in: folder)
        #expect(adopted.status == 0, "\(adopted.error)")
        #expect(adopted.output.contains("1 new") && adopted.output.contains("1 retired"), "\(adopted.output)")
        let status = try HashSweepProcess.run(["status", second], in: folder)
        #expect(!status.output.contains("has changed"), "\(status.output)")
        #expect(try HashSweepProcess.run(["run", first, "-j", "1"], in: folder).status != 0, "the first file no longer owns it")
    }

    @Test("plan names the keys behind new and retired trajectories, changing nothing")
    func planReasons() throws {
        let folder = try TemporaryFolder()
        let text = TinySpec.text(name: "why", epochs: [0, 1], widths: [4, 8], samples: [100], seeds: 1)
        let spec = try TinySpec.write(text, name: "why", in: folder)
        let firstPlan = try HashSweepProcess.run(["plan", spec], in: folder)
        #expect(firstPlan.output.contains("new 2: first run"), "\(firstPlan.output)")
        #expect(firstPlan.output.contains("checkpoints: every measured epoch's kept (execution.checkpoints: auto)"), "\(firstPlan.output)")
        #expect(try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder).status == 0)

        _ = try TinySpec.write(text.replacingOccurrences(of: "lr: 0.05", with: "lr: 0.01"), name: "why", in: folder)
        let plan = try HashSweepProcess.run(["plan", spec], in: folder)
        #expect(plan.output.contains("new 2: 4 to train; `lr` changed 0.05 -> 0.01"), "\(plan.output)")
        #expect(plan.output.contains("retired 2: kept, left out of charts; `lr` changed 0.05 -> 0.01"), "\(plan.output)")
        let store = try SweepStore.open(path: folder.file("results/why/sweep.sqlite"))
        #expect(try store.trajectories().allSatisfy { !$0.isRetired }, "plan wrote nothing")
    }

    @Test("a metric setting cannot be a grid axis, with a message saying what to do instead")
    func metricAxisRejected() throws {
        let text = TinySpec.text(name: "axis", epochs: [1], widths: [4], samples: [100], seeds: 1) + "  knn_k: [3, 5]\n"
        let moved = text.replacingOccurrences(of: "execution:\n  max_attempts: 10\n  knn_k: [3, 5]\n",
                                              with: "  knn_k: [3, 5]\nexecution:\n  max_attempts: 10\n")
        #expect(throws: SpecError.self) { try SweepSpec(parsing: moved, file: "axis.yaml") }
        do {
            _ = try SweepSpec(parsing: moved, file: "axis.yaml")
        } catch {
            #expect(error.description.contains("axis.yaml:"), "\(error)")
            #expect(error.description.contains("metrics.knn_k cannot be swept") && error.description.contains("hashsweep measure"), "\(error)")
        }
    }
}
