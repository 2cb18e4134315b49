import Foundation
import Testing
@testable import Sweep

@Suite("Worker processes", .serialized)
struct ExecutionWorkerTests {
    @Test("two worker processes drain a store; their measurements equal a single worker's bit for bit")
    func workersDrainStore() throws {
        let folder = try TemporaryFolder()
        let trajectories = TinyTrajectories.make(count: 6, epochs: [0, 1, 3])
        var rows: [[MeasurementRow]] = []
        for (name, workers) in [("single", 1), ("pair", 2)] {
            let path = folder.file("\(name).sqlite")
            let store = try SweepStore.openOrCreate(path: path)
            try store.synchronize(with: StoreFixtures.definition(trajectories))
            let processes = try (0..<workers).map {
                try HashSweepProcess(["worker", "--db", path, "--name", "\(name)-\($0)"], in: folder)
            }
            for process in processes {
                #expect(process.wait() == 0, "\(process.standardError)")
            }
            let summary = try store.summary()
            #expect(summary.done == 6 && summary.doneMeasurements == 18)
            rows.append(try store.measurements().map(MeasurementRow.init))
        }
        #expect(rows[0] == rows[1])
        #expect(Set(rows[0].map(\.epoch)) == [0, 1, 3])
    }
}

extension ExecutionWorkerTests {
    @Test("a failing trajectory is retried up to max_attempts, then failed, while the others finish")
    func failingTrajectory() throws {
        let folder = try TemporaryFolder()
        var trajectories = TinyTrajectories.make(count: 3, epochs: [0, 1])
        trajectories[1].configuration.activation = "sigmoid"
        let path = folder.file("sweep.sqlite")
        let store = try SweepStore.openOrCreate(path: path)
        try store.synchronize(with: StoreFixtures.definition(trajectories, maxAttempts: 2))
        let worker = try HashSweepProcess(["worker", "--db", path, "--name", "solo"], in: folder)
        #expect(worker.wait() == 0)
        let summary = try store.summary()
        #expect(summary.done == 2 && summary.counts[.failed] == 1)
        let failed = try #require(summary.failures.first)
        #expect(failed.id == "tiny-1" && failed.failures == 2)
        #expect(failed.lastError?.contains("model.activation = sigmoid") == true)
        #expect(try store.attempts(of: "tiny-1").map(\.outcome) == ["failed", "failed"])
        #expect(worker.standardError.contains("tiny-1"))
    }

    @Test("SIGTERM releases the worker's lease at once; a new worker finishes with the same results")
    func sigtermReleasesLease() throws {
        let folder = try TemporaryFolder()
        let trajectories = TinyTrajectories.make(count: 1, epochs: [0, 5000])
        let reference = folder.file("reference.sqlite")
        let referenceStore = try SweepStore.openOrCreate(path: reference)
        try referenceStore.synchronize(with: StoreFixtures.definition(trajectories))
        #expect(try HashSweepProcess.run(["worker", "--db", reference], in: folder).status == 0)

        let path = folder.file("sweep.sqlite")
        let store = try SweepStore.openOrCreate(path: path)
        try store.synchronize(with: StoreFixtures.definition(trajectories))
        let worker = try HashSweepProcess(["worker", "--db", path, "--name", "first"], in: folder)
        #expect(ProcessTable.waitUntil(seconds: 60) { (try? store.summary())?.doneMeasurements == 1 })
        kill(worker.pid, SIGTERM)
        #expect(worker.wait() == WorkerExitCode.interrupted)
        let interrupted = try store.summary()
        #expect(interrupted.counts[.running] == 0 && interrupted.counts[.pending] == 1)
        #expect(try store.attempts().contains { $0.outcome == "interrupted" && $0.exitStatus == "stopped by SIGTERM" })
        #expect(try HashSweepProcess.run(["worker", "--db", path, "--name", "second"], in: folder).status == 0)
        #expect(try store.measurements().map(MeasurementRow.init) == referenceStore.measurements().map(MeasurementRow.init))
    }
}
