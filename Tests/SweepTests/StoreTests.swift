import Foundation
import Testing
@testable import Sweep

@Suite("Sweep store")
struct StoreTests {
    @Test("a fresh file is migrated and reopens; a missing one is reported")
    func migrationsOnFreshFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("nested/dir/sweep.sqlite")
        #expect(throws: StoreError.self) { try SweepStore.open(path: path) }
        let store = try SweepStore.openOrCreate(path: path)
        #expect(try store.currentSweep() == nil)
        try store.synchronize(with: StoreFixtures.definition(StoreFixtures.trajectories(count: 2)))
        let reopened = try SweepStore.open(path: path)
        #expect(try reopened.currentSweep()?.specHash == "spec-1")
        #expect(try reopened.trajectories().count == 2)
        _ = try SweepStore.openOrCreate(path: path) // migrating again is a no-op
    }

    @Test("synchronising twice inserts nothing the second time")
    func idempotentInserts() throws {
        let folder = try TemporaryFolder()
        let store = try SweepStore.openOrCreate(path: folder.file("sweep.sqlite"))
        let definition = StoreFixtures.definition(StoreFixtures.trajectories(count: 5))
        let first = try store.synchronize(with: definition)
        let second = try store.synchronize(with: definition)
        #expect(first.added == 5 && first.total == 5)
        #expect(second.added == 0 && second.retired == 0 && second.extended == 0)
        let records = try store.trajectories()
        #expect(records.map(\.id) == (0..<5).map { "t\($0)" })
        #expect(records.allSatisfy { $0.status == .pending && !$0.isRetired })
        #expect(records[1].axes == ["width": .int(5), "seed": .int(1), "lr": .double(0.01)])
        #expect(try store.sweepHistory().count == 1)
    }

    @Test("a moved dataset folder reaches the workers: sync stores the spec's new path")
    func movedDatasetPathIsStored() throws {
        let folder = try TemporaryFolder()
        let store = try SweepStore.openOrCreate(path: folder.file("sweep.sqlite"))
        var trajectories = StoreFixtures.trajectories(count: 1)
        trajectories[0].configuration.datasetPath = "/old/mnist"
        try store.synchronize(with: StoreFixtures.definition(trajectories))
        trajectories[0].configuration.datasetPath = "/new/mnist"
        let report = try store.synchronize(with: StoreFixtures.definition(trajectories, hash: "spec-2"))
        #expect(report.added == 0)
        let claim = try #require(try store.claimNext(for: StoreFixtures.worker("w")))
        #expect(claim.trajectory.id == "t0")
        #expect(claim.trajectory.configuration.datasetPath == "/new/mnist")
    }

    @Test("concurrent claimers on separate connections never share a trajectory")
    func claimsAreExclusive() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("sweep.sqlite")
        let store = try SweepStore.openOrCreate(path: path)
        try store.synchronize(with: StoreFixtures.definition(StoreFixtures.trajectories(count: 120, epochs: [0])))
        let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
            for index in 0..<8 {
                group.addTask {
                    let own = try SweepStore.open(path: path)
                    let worker = StoreFixtures.worker("w\(index)")
                    var ids: [String] = []
                    while let claim = try own.claimNext(for: worker) {
                        ids.append(claim.trajectory.id)
                        try own.record(StoreFixtures.measurement(epoch: 0), checkpoint: Data([1]), for: claim)
                        try own.finish(claim)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claimed.count == 120)
        #expect(Set(claimed).count == 120)
        #expect(try store.summary().done == 120)
        #expect(try store.measurements().count == 120)
    }

    @Test("expired leases and leases of vanished processes are reclaimed; the old holder can no longer write")
    func leaseExpiryReclaim() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("sweep.sqlite")
        let store = try SweepStore.openOrCreate(path: path, leaseDuration: 0.05)
        try store.synchronize(with: StoreFixtures.definition(StoreFixtures.trajectories(count: 2)))
        let live = try #require(try store.claimNext(for: StoreFixtures.worker("live")))
        Thread.sleep(forTimeInterval: 0.1)
        #expect(try store.reclaimStaleLeases() == [live.trajectory.id])
        #expect(throws: StoreError.self) {
            try store.record(StoreFixtures.measurement(epoch: 0), checkpoint: Data([1]), for: live)
        }
        #expect(try store.heartbeat(live, currentEpoch: 1) == false)

        let patient = try SweepStore.open(path: path, leaseDuration: 3600)
        let deadPID = try Self.pidOfExitedProcess()
        let orphan = try #require(try patient.claimNext(for: StoreFixtures.worker("gone", pid: deadPID)))
        let held = try #require(try patient.claimNext(for: StoreFixtures.worker("alive")))
        #expect(try patient.reclaimStaleLeases() == [orphan.trajectory.id])
        #expect(try patient.trajectory(id: held.trajectory.id)?.status == .running)
        let abandoned = try patient.attempts(of: orphan.trajectory.id).last
        #expect(abandoned?.outcome == "abandoned")
        #expect(try patient.trajectory(id: orphan.trajectory.id)?.failures == 0)
    }

    @Test("a measurement and its checkpoint are written together or not at all")
    func measurementAndCheckpointAtomic() throws {
        let folder = try TemporaryFolder()
        let store = try SweepStore.openOrCreate(path: folder.file("sweep.sqlite"))
        try store.synchronize(with: StoreFixtures.definition(StoreFixtures.trajectories(count: 1)))
        let claim = try #require(try store.claimNext(for: StoreFixtures.worker("w")))
        try store.record(StoreFixtures.measurement(epoch: 0), checkpoint: Data("zero".utf8), for: claim)
        #expect(try store.latestCheckpoint(of: claim.trajectory.id)?.data == Data("zero".utf8))
        // A duplicate measurement violates the primary key: the new checkpoint is rolled back with it.
        #expect(throws: StoreError.self) {
            try store.record(StoreFixtures.measurement(epoch: 0, value: 0.9), checkpoint: Data("again".utf8), for: claim)
        }
        #expect(try store.latestCheckpoint(of: claim.trajectory.id)?.data == Data("zero".utf8))
        #expect(try store.measurements().map(\.metrics) == [["accuracy": 0.5, "loss": 0.5]])
        // A lost lease writes neither.
        try store.release(claim, reason: "test")
        #expect(throws: StoreError.self) {
            try store.record(StoreFixtures.measurement(epoch: 1), checkpoint: Data("one".utf8), for: claim)
        }
        #expect(try store.latestCheckpoint(of: claim.trajectory.id)?.epoch == 0)
        #expect(try store.measurements().count == 1)
    }

    @Test("metric values come back bit for bit, non-finite ones included")
    func metricsRoundTrip() throws {
        let folder = try TemporaryFolder()
        let store = try SweepStore.openOrCreate(path: folder.file("sweep.sqlite"))
        try store.synchronize(with: StoreFixtures.definition(StoreFixtures.trajectories(count: 1, epochs: [0])))
        let claim = try #require(try store.claimNext(for: StoreFixtures.worker("w")))
        var generator = SystemRandomNumberGenerator()
        var values: [(name: String, value: Double)] = (0..<200).map {
            ("m\($0)", Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1))
        }
        values += [("nan", .nan), ("inf", .infinity), ("minus_inf", -.infinity), ("tiny", .leastNonzeroMagnitude), ("third", 1.0 / 3)]
        try store.record(MeasurementInput(epoch: 0, metrics: values, trainSeconds: 0, measureSeconds: 0), checkpoint: Data(), for: claim)
        let stored = try #require(try store.measurements().first?.metrics)
        for (name, value) in values {
            #expect(stored[name]?.bitPattern == value.bitPattern || (value.isNaN && stored[name]?.isNaN == true), "\(name)")
        }
    }

    @Test("failures are retried up to max_attempts, then failed; retry puts them back")
    func failuresAndRetry() throws {
        let folder = try TemporaryFolder()
        let store = try SweepStore.openOrCreate(path: folder.file("sweep.sqlite"))
        try store.synchronize(with: StoreFixtures.definition(StoreFixtures.trajectories(count: 1), maxAttempts: 2))
        let worker = StoreFixtures.worker("w")
        for _ in 0..<2 {
            let claim = try #require(try store.claimNext(for: worker))
            try store.recordFailure(claim, error: "boom")
        }
        #expect(try store.claimNext(for: worker) == nil)
        let failed = try store.summary()
        #expect(failed.counts[.failed] == 1)
        #expect(failed.failures.first?.lastError == "boom")
        #expect(try store.retryFailed() == 1)
        let record = try #require(try store.trajectories().first)
        #expect(record.status == .pending && record.failures == 0 && record.attempts == 2)
    }

    @Test("an edited spec extends epoch lists from the checkpoint and retires removed points")
    func editedSpec() throws {
        let folder = try TemporaryFolder()
        let store = try SweepStore.openOrCreate(path: folder.file("sweep.sqlite"))
        let original = StoreFixtures.trajectories(count: 3, epochs: [0, 1])
        try store.synchronize(with: StoreFixtures.definition(original))
        try StoreFixtures.runAll(store, worker: StoreFixtures.worker("w"))
        #expect(try store.summary().done == 3)

        var edited = Array(StoreFixtures.trajectories(count: 2, epochs: [0, 1, 3]))
        edited[1].epochs = [0, 1]
        let report = try store.synchronize(with: StoreFixtures.definition(edited, hash: "spec-2"))
        #expect(report == { var r = SyncReport(); r.extended = 1; r.retired = 1; r.total = 2; return r }())
        let records = try store.trajectories()
        #expect(records.map(\.status) == [.pending, .done, .done])
        #expect(records.map(\.isRetired) == [false, false, true])
        let claim = try #require(try store.claimNext(for: StoreFixtures.worker("w")))
        #expect(claim.trajectory.id == "t0" && claim.startEpoch == 1 && claim.epochsToMeasure == [3])
        #expect(try store.measurements().count == 4)
        #expect(try store.measurements(includingRetired: true).count == 6)

        // An epoch inserted before the checkpoint forces a retrain from initialisation.
        try store.record(StoreFixtures.measurement(epoch: 3), checkpoint: Data("cp3".utf8), for: claim)
        try store.release(claim, reason: "test")
        edited[0].epochs = [0, 1, 2, 3, 5]
        try store.synchronize(with: StoreFixtures.definition(edited, hash: "spec-3"))
        let again = try #require(try store.claimNext(for: StoreFixtures.worker("w")))
        #expect(again.checkpoint == nil && again.epochsToMeasure == [2, 5])
        // Retraining writes an older checkpoint, which never replaces the newer one.
        try store.record(StoreFixtures.measurement(epoch: 2), checkpoint: Data("cp2".utf8), for: again)
        #expect(try store.latestCheckpoint(of: "t0")?.epoch == 3)
    }

    private static func pidOfExitedProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
