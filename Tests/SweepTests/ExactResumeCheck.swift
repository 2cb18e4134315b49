import Foundation
import Testing
@testable import Sweep

/// Kills a sweep's workers and orchestrator mid-trajectory, resumes it, and expects exactly the
/// measurements of an uninterrupted run: what the VGG and ResNet sweep tests share.
enum ExactResumeCheck {
    /// Runs `text` (a spec whose grid has 4 trajectories measured at 4 epochs) uninterrupted,
    /// then killed and resumed, and compares the two databases.
    static func killAndResume(_ text: String, name: String) throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(text, name: name, in: folder)
        let start = Date()
        let reference = try HashSweepProcess.run(["run", spec, "--db", "reference.sqlite", "-j", "2"], in: folder)
        #expect(reference.status == 0, "\(reference.error)")
        let seconds = Date().timeIntervalSince(start)
        let referenceRows = try SweepStore.open(path: folder.file("reference.sqlite")).measurements().map(MeasurementRow.init)
        #expect(referenceRows.count == 4 * 4)

        let path = folder.file("killed.sqlite")
        let arguments = ["run", spec, "--db", "killed.sqlite", "-j", "2"]
        let orchestrator = try HashSweepProcess(arguments, in: folder)
        #expect(ProcessTable.waitUntil(seconds: 120) { ((try? SweepStore.open(path: path).summary())?.doneMeasurements ?? 0) >= 3 })
        Thread.sleep(forTimeInterval: 0.1 * seconds)
        let workers = ProcessTable.children(of: orchestrator.pid)
        for worker in workers { kill(worker, SIGKILL) }
        kill(orchestrator.pid, SIGKILL)
        orchestrator.wait()
        #expect(ProcessTable.waitUntil(seconds: 10) { workers.allSatisfy { !ProcessTable.isAlive($0) } })
        let store = try SweepStore.open(path: path)
        #expect(try store.summary().done < 4, "the kill came too late to interrupt anything")

        let resumed = try HashSweepProcess.run(arguments, in: folder)
        #expect(resumed.status == 0, "\(resumed.error)")
        #expect(Set(try store.measurements().map(MeasurementRow.init)) == Set(referenceRows))
        #expect(try store.attempts().contains { $0.startEpoch != nil }, "no attempt resumed from a checkpoint")
    }
}
