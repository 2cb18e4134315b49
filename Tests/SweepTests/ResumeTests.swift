import Foundation
import Testing
@testable import Sweep

@Suite("Exact resume", .serialized)
struct ResumeTests {
    /// The uninterrupted run's measurements, and its wall time.
    private func uninterrupted(spec: String, in folder: TemporaryFolder) throws -> (rows: [MeasurementRow], seconds: Double) {
        let start = Date()
        let run = try HashSweepProcess.run(["run", spec, "--db", "reference.sqlite", "-j", "2"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let rows = try SweepStore.open(path: folder.file("reference.sqlite")).measurements().map(MeasurementRow.init)
        return (rows, Date().timeIntervalSince(start))
    }

    @Test("SIGKILLs of the orchestrator and its workers at random moments, then a resume, give the uninterrupted rows bit for bit")
    func killedThreeTimesThenResumed() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(TinySpec.text(name: "resume", epochs: [0, 1, 2, 3, 5, 10, 20, 50, 100, 300], widths: [16, 64],
                                                    samples: [200, 400], seeds: 3, trainSize: 400,
                                                    metrics: "{run: [redundancy, knn], knn_k: 3}"),
                                      name: "resume", in: folder)
        let reference = try uninterrupted(spec: spec, in: folder)
        #expect(reference.rows.count == 12 * 10)
        #expect(reference.rows.allSatisfy { $0.metrics["knn_test_accuracy"] != nil && $0.metrics["redundancy_train"] != nil })
        print("resume test: uninterrupted run took \(String(format: "%.2f", reference.seconds)) s")
        #expect(Set(reference.rows).count == reference.rows.count)

        var generator = SystemRandomNumberGenerator()
        let arguments = ["run", spec, "--db", "killed.sqlite", "-j", "2"]
        let path = folder.file("killed.sqlite")
        for round in 0..<3 {
            let before = try? SweepStore.open(path: path).summary()
            let measuredBefore = before?.doneMeasurements ?? 0
            let orchestrator = try HashSweepProcess(arguments, in: folder)
            // Wait until this round has written a measurement (so there are checkpoints to
            // resume from), then kill at a random moment within the next stretch.
            #expect(ProcessTable.waitUntil(seconds: 60) {
                guard let now = try? SweepStore.open(path: path).summary() else { return false }
                return now.doneMeasurements > measuredBefore || now.done == now.total
            })
            let delay = Double.random(in: 0...(0.1 * reference.seconds), using: &generator)
            Thread.sleep(forTimeInterval: delay)
            let workers = ProcessTable.children(of: orchestrator.pid)
            switch round {
            case 1:
                // A worker first (the orchestrator reclaims and replaces it), then the orchestrator alone.
                if let worker = workers.first { kill(worker, SIGKILL) }
                Thread.sleep(forTimeInterval: 0.05 * reference.seconds)
                kill(orchestrator.pid, SIGKILL)
            default:
                // Everything at once.
                for worker in workers { kill(worker, SIGKILL) }
                kill(orchestrator.pid, SIGKILL)
            }
            orchestrator.wait()
            #expect(ProcessTable.waitUntil(seconds: 10) { workers.allSatisfy { !ProcessTable.isAlive($0) } })
            print("resume test: round \(round) killed after \(String(format: "%.2f", delay)) s")
        }
        let store = try SweepStore.open(path: path)
        let beforeResume = try store.summary()
        #expect(beforeResume.done < beforeResume.total, "the kills came too late to interrupt anything")

        let resumed = try HashSweepProcess.run(arguments, in: folder)
        #expect(resumed.status == 0, "\(resumed.error)")
        let rows = try store.measurements().map(MeasurementRow.init)
        #expect(rows.count == reference.rows.count)
        #expect(Set(rows) == Set(reference.rows))
        let summary = try store.summary()
        #expect(summary.done == 12 && summary.counts[.failed] == 0 && summary.counts[.running] == 0)
        #expect(try store.attempts().contains { $0.startEpoch != nil }, "no attempt resumed from a checkpoint")
    }
}
