import Foundation
import GRDB
import Testing
@testable import Sweep

@Suite("hashsweep run", .serialized)
struct ExecutionRunTests {
    @Test("8 workers on 100 tiny trajectories: each measured exactly once, no busy database error")
    func eightWorkersConcurrently() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(TinySpec.text(name: "busy", epochs: [0, 1], widths: [4, 8], samples: [50, 100], seeds: 25),
                                      name: "busy", in: folder)
        let run = try HashSweepProcess.run(["run", spec, "-j", "8"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        for word in ["busy", "locked", "SQLITE_BUSY"] {
            #expect(!run.error.localizedCaseInsensitiveContains(word), "\(run.error)")
        }
        let store = try SweepStore.open(path: folder.file("results/busy/sweep.sqlite"))
        let summary = try store.summary()
        #expect(summary.total == 100 && summary.done == 100 && summary.counts[.failed] == 0)
        let rows = try store.measurements()
        #expect(rows.count == 200)
        #expect(Set(rows.map { "\($0.trajectoryID)@\($0.epoch)" }).count == 200)
        let attempts = try store.attempts()
        #expect(attempts.count == 100 && Set(attempts.map(\.trajectoryID)).count == 100)
        #expect(attempts.allSatisfy { $0.outcome == "done" })
        #expect(Set(attempts.map(\.worker)).count > 1)
    }

    @Test("after SIGKILL of the orchestrator its workers exit within seconds and release their leases")
    func parentDeath() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(TinySpec.text(name: "orphans", epochs: [0, 5000], widths: [16], samples: [400], seeds: 4),
                                      name: "orphans", in: folder)
        let orchestrator = try HashSweepProcess(["run", spec, "-j", "2"], in: folder)
        let store = try waitForRunning(in: folder.file("results/orphans/sweep.sqlite"), count: 2)
        let workers = ProcessTable.children(of: orchestrator.pid)
        #expect(workers.count == 2)
        kill(orchestrator.pid, SIGKILL)
        orchestrator.wait()
        #expect(ProcessTable.waitUntil(seconds: 10) { workers.allSatisfy { !ProcessTable.isAlive($0) } },
                "workers still alive: \(workers.filter(ProcessTable.isAlive))")
        #expect(try store.summary().counts[.running] == 0)
        #expect(try store.attempts().filter { $0.exitStatus == "orchestrator gone" }.count == 2)
    }

    @Test("Ctrl-C: workers release their trajectories and exit, the run says how to resume, a rerun completes")
    func interruptAndResume() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(TinySpec.text(name: "ctrlc", epochs: [0, 1, 5000], widths: [8], samples: [200], seeds: 2),
                                      name: "ctrlc", in: folder)
        let orchestrator = try HashSweepProcess(["run", spec, "-j", "2"], in: folder)
        let store = try waitForRunning(in: folder.file("results/ctrlc/sweep.sqlite"), count: 1)
        try #require(try ProcessTable.waitUntil(seconds: 120) { try store.summary().doneMeasurements >= 1 })
        let workers = ProcessTable.children(of: orchestrator.pid)
        kill(orchestrator.pid, SIGINT)
        #expect(orchestrator.wait() == 130)
        #expect(orchestrator.standardOutput.contains("Resume with: hashsweep run \(spec)"))
        #expect(workers.allSatisfy { !ProcessTable.isAlive($0) })
        let stopped = try store.summary()
        #expect(stopped.counts[.running] == 0 && stopped.done < 2)
        #expect(try store.attempts().contains { $0.outcome == "interrupted" })
        // The unfinished sweep is exported, and labelled as such.
        let partial = try HashSweepProcess.run(["export", spec, "--csv", "--out", folder.file("partial")], in: folder)
        #expect(partial.status == 0, "\(partial.error)")
        #expect(partial.error.contains("warning: the sweep is unfinished (partial: \(stopped.doneMeasurements) of 6 measurements)"),
                "\(partial.error)")
        let rerun = try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder)
        #expect(rerun.status == 0, "\(rerun.error)")
        let finished = try store.summary()
        #expect(finished.done == 2 && finished.doneMeasurements == 6)
    }

    @Test("Ctrl-C twice: workers that do not stop are killed at once; the store keeps its finished work and a rerun completes")
    func secondInterruptKillsWorkers() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(TinySpec.text(name: "ctrlc2", epochs: [0, 1, 5000], widths: [8], samples: [200], seeds: 4),
                                      name: "ctrlc2", in: folder)
        let orchestrator = try HashSweepProcess(["run", spec, "-j", "2"], in: folder)
        var frozen: Set<Int32> = []
        defer {
            // Only on failure is anything left: never leave a stopped worker or a hung run behind.
            for pid in frozen where ProcessTable.isAlive(pid) { kill(pid, SIGKILL) }
            if ProcessTable.isAlive(orchestrator.pid) { kill(orchestrator.pid, SIGKILL) }
        }
        let store = try waitForRunning(in: folder.file("results/ctrlc2/sweep.sqlite"), count: 2)
        // A healthy worker gives its trajectory back within milliseconds of the first Ctrl-C, so the
        // second would find nothing to kill. Freeze each worker (SIGSTOP) once its trajectory has
        // measured epoch 1: it then cannot act on the first Ctrl-C, and only the second can end it.
        try #require(try ProcessTable.waitUntil(seconds: 120) {
            for attempt in try store.attempts() where attempt.endedAt == nil && !frozen.contains(attempt.pid) {
                guard try (store.trajectory(id: attempt.trajectoryID)?.lastEpoch ?? -1) >= 1 else { continue }
                kill(attempt.pid, SIGSTOP)
                frozen.insert(attempt.pid)
            }
            return frozen.count == 2
        }, "workers never reached epoch 1: \(orchestrator.standardError)")
        try #require(ProcessTable.waitUntil(seconds: 30) { frozen.allSatisfy(ProcessTable.isStopped) })
        #expect(Set(ProcessTable.workers(in: folder.path)) == frozen)
        let kept = Set(try store.measurements().map(MeasurementRow.init))
        #expect(kept.count >= 4)

        kill(orchestrator.pid, SIGINT)
        // The run has passed the first Ctrl-C on: SIGTERM waits in each frozen worker.
        #expect(ProcessTable.waitUntil(seconds: 60) { frozen.allSatisfy { ProcessTable.hasPending(SIGTERM, $0) } },
                "the first Ctrl-C did not reach the workers: \(orchestrator.standardError)")
        #expect(frozen.allSatisfy(ProcessTable.isAlive))
        kill(orchestrator.pid, SIGINT)
        // Frozen workers never finish the sweep; the run can only end because it killed them.
        let ended = ProcessTable.waitUntil(seconds: 60) { !ProcessTable.isAlive(orchestrator.pid) }
        try #require(ended, "the run did not end after the second Ctrl-C: \(orchestrator.standardError)")
        #expect(orchestrator.wait() == 130, "\(orchestrator.standardError)")
        #expect(orchestrator.standardOutput.contains("Resume with: hashsweep run \(spec)"))
        #expect(!frozen.contains(where: ProcessTable.isAlive))
        #expect(ProcessTable.workers(in: folder.path).isEmpty, "workers left: \(ProcessTable.workers(in: folder.path))")

        // Killed, the workers released nothing themselves; the run reclaimed their leases as their processes are gone.
        let reopened = try SweepStore.open(path: folder.file("results/ctrlc2/sweep.sqlite"))
        let killed = try reopened.attempts().filter { frozen.contains($0.pid) && $0.outcome != "done" }
        #expect(killed.count == 2 && killed.allSatisfy { $0.outcome == "abandoned" && $0.exitStatus == "worker process \($0.pid) is gone" },
                "\(killed.map { ($0.pid, $0.outcome ?? "-", $0.exitStatus ?? "-") })")
        #expect(try reopened.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(try reopened.summary().counts[.running] == 0)
        #expect(Set(try reopened.measurements().map(MeasurementRow.init)) == kept)

        let rerun = try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder)
        #expect(rerun.status == 0, "\(rerun.error)")
        let finished = try reopened.summary()
        #expect(finished.done == 4 && finished.doneMeasurements == 12)
        #expect(kept.isSubset(of: Set(try reopened.measurements().map(MeasurementRow.init))))
        // The killed workers' trajectories continued from their checkpoints, not from scratch.
        let killedIDs = Set(killed.map(\.trajectoryID))
        let resumed = try reopened.attempts().filter { killedIDs.contains($0.trajectoryID) && $0.outcome == "done" }
        #expect(resumed.count == 2 && resumed.allSatisfy { ($0.startEpoch ?? 0) >= 1 }, "\(resumed.map(\.startEpoch))")
    }

    @Test("an edited spec continues grown trajectories from their checkpoints and retires removed points")
    func editedSpec() throws {
        let folder = try TemporaryFolder()
        let first = TinySpec.text(name: "edit", epochs: [0, 2], widths: [4, 8], samples: [100], seeds: 2)
        let spec = try TinySpec.write(first, name: "edit", in: folder)
        #expect(try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder).status == 0)
        let store = try SweepStore.open(path: folder.file("results/edit/sweep.sqlite"))
        let firstAttempts = try store.attempts().count

        _ = try TinySpec.write(TinySpec.text(name: "edit", epochs: [0, 2, 5], widths: [8], samples: [100], seeds: 2),
                               name: "edit", in: folder)
        let rerun = try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder)
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(rerun.output.contains("2 trajectories (0 new, 2 extended, 0 to re-measure, 2 retired)"))
        let continued = try store.attempts().dropFirst(firstAttempts)
        #expect(continued.count == 2)
        #expect(continued.allSatisfy { $0.startEpoch == 2 && $0.outcome == "done" })
        let records = try store.trajectories()
        #expect(records.filter(\.isRetired).count == 2)
        #expect(records.filter(\.isRetired).allSatisfy { $0.axes["width"] == .int(4) })
        #expect(try store.measurements().map(\.epoch).sorted() == [0, 0, 2, 2, 5, 5])
        #expect(try store.measurements(includingRetired: true).count == 10)

        let status = try HashSweepProcess.run(["status", spec], in: folder)
        #expect(status.status == 0)
        #expect(status.output.contains("retired: 2"))
        #expect(status.output.components(separatedBy: "\nretired ").count == 3)
    }

    @Test("failures are reported by run and status, retry puts them back, plan counts the work")
    func failuresStatusRetryPlan() throws {
        let folder = try TemporaryFolder()
        // Every file is there (the check before the workers start passes) but truncated, so each
        // worker's load fails: a genuine trajectory failure.
        let data = folder.file("mnist")
        try IDXFixture.write(IDXFixture.names, in: data)
        let spec = try TinySpec.write("""
            name: broken
            dataset: {name: mnist, path: \(data), samples: 100}
            train: {batch_size: 50}
            metrics: {run: none}
            grid: {epochs: [0, 1], width: [4, 8]}
            execution: {max_attempts: 2}

            """, name: "broken", in: folder)
        let run = try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder)
        #expect(run.status == 1)
        #expect(run.output.contains("0/2 trajectories done, 2 failed"))
        #expect(run.output.contains("hashsweep retry \(spec) --failed"))
        let status = try HashSweepProcess.run(["status", spec], in: folder)
        #expect(status.output.contains("(0 pending, 0 running, 0 done, 2 failed)"))
        let truncated = "after 2 attempts: '\(data)/train-images-idx3-ubyte' is truncated: its header declares 47040016 bytes but it holds 16."
        #expect(status.output.components(separatedBy: truncated).count == 3, "\(status.output)")
        let retry = try HashSweepProcess.run(["retry", spec, "--failed"], in: folder)
        #expect(retry.status == 0 && retry.output.contains("2 failed trajectories are pending again"))
        let plan = try HashSweepProcess.run(["plan", spec], in: folder)
        #expect(plan.status == 0)
        #expect(plan.output.contains("broken: 2 trajectories, 4 measurements"))
        #expect(plan.output.contains("done: 0 trajectories, 0 measurements"))
        let store = try SweepStore.open(path: folder.file("results/broken/sweep.sqlite"))
        #expect(try store.summary().counts[.pending] == 2)
        #expect(try store.attempts().count == 4)
    }

    @Test("a SIGKILLed worker's trajectory counts a failed attempt and goes to a replacement worker")
    func killedWorkerIsReplaced() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(TinySpec.text(name: "replace", epochs: [0, 1, 5000], widths: [8], samples: [200], seeds: 2),
                                      name: "replace", in: folder)
        let orchestrator = try HashSweepProcess(["run", spec, "-j", "2"], in: folder)
        let store = try waitForRunning(in: folder.file("results/replace/sweep.sqlite"), count: 2)
        let victim = try #require(ProcessTable.children(of: orchestrator.pid).first)
        kill(victim, SIGKILL)
        #expect(orchestrator.wait() == 0, "\(orchestrator.standardError)")
        #expect(orchestrator.standardError.contains("ended (signal 9 (SIGKILL))"))
        let crashed = try store.attempts().filter { $0.outcome == "crashed" }
        #expect(crashed.count == 1 && crashed.first?.pid == victim && crashed.first?.exitStatus == "signal 9 (SIGKILL)")
        // Which worker takes the reclaimed trajectory (the replacement or the survivor) is a race;
        // that another process finished it is not.
        let later = try store.attempts().filter { $0.trajectoryID == crashed.first?.trajectoryID && $0.outcome != "crashed" }
        #expect(!later.isEmpty && later.allSatisfy { $0.pid != victim })
        let summary = try store.summary()
        #expect(summary.done == 2 && summary.doneMeasurements == 6)
        #expect(try store.trajectory(id: crashed.first!.trajectoryID)?.failures == 1)
    }

    @Test("a spec that fails validation changes nothing on disk")
    func invalidSpecWritesNothing() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(TinySpec.text(name: "invalid", epochs: [3, 1], widths: [4], samples: [100], seeds: 1),
                                      name: "invalid", in: folder)
        let run = try HashSweepProcess.run(["run", spec], in: folder)
        #expect(run.status == 1)
        #expect(run.error.contains("invalid.yaml:"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("results")))
    }

    /// Waits until at least `count` trajectories are running in the database at `path` (created by the run).
    private func waitForRunning(in path: String, count: Int) throws -> SweepStore {
        // The run creates and migrates the database; open it once that is done.
        #expect(ProcessTable.waitUntil(seconds: 60) { (try? SweepStore.open(path: path)) != nil })
        let store = try SweepStore.open(path: path)
        #expect(ProcessTable.waitUntil(seconds: 60) { (try? store.summary().counts[.running] ?? 0) ?? 0 >= count })
        return store
    }
}
