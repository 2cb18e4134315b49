import Foundation
import Testing
@testable import Sweep

/// Real sweeps through the real single-node cluster of `scripts/slurm-local` (started here if needed).
@Suite("Slurm end to end: arrays on a local cluster match a local run bit for bit", .serialized)
struct SlurmEndToEndTests {
    /// A tiny synthetic sweep: widths 4 and 8, `seeds` seeds, measured at `epochs`.
    static func spec(name: String, epochs: [Int], seeds: Int) -> String {
        """
        name: \(name)
        dataset:
          name: synthetic
          synthetic:
            classes: 3
            dimension: 8
            train_size: 300
            test_size: 100
        train:
          batch_size: 50
        grid:
          epochs: [\(epochs.map(String.init).joined(separator: ", "))]
          width: [4, 8]
          seed: \(seeds)
        """
    }

    /// A sweep in a temporary folder; its jobs are cancelled when it goes away (a failed test leaves none behind).
    final class Sweep {
        let directory: SlurmTemporaryDirectory
        let binary: String
        let environment: [String: String]
        let client: SlurmClient
        let spec: String
        let name: String
        private var submittedJobs = Set<Int>()

        /// A sweep of ``SlurmEndToEndTests/spec(name:epochs:seeds:)``, or of `text` when given.
        init(name: String, epochs: [Int] = [], seeds: Int = 1, text: String? = nil) throws {
            let conf = try SlurmLocalCluster.start()
            directory = try SlurmTemporaryDirectory("e2e-\(name)")
            binary = try SlurmLocalCluster.binary()
            environment = ["SLURM_CONF": conf]
            client = SlurmClient(environment: environment)
            spec = directory.url.appendingPathComponent("\(name).yaml").path
            self.name = name
            try (text ?? SlurmEndToEndTests.spec(name: name, epochs: epochs, seeds: seeds))
                .write(toFile: spec, atomically: true, encoding: .utf8)
        }

        deinit {
            for job in submittedJobs { _ = try? client.run("scancel", [String(job)]) }
        }

        var database: String { directory.url.appendingPathComponent("results/\(name)/sweep.sqlite").path }
        var layout: SlurmLayout { SlurmLayout(database: URL(fileURLWithPath: database)) }

        /// Runs `hashsweep ARGUMENTS` in the sweep's folder; expects `status`.
        @discardableResult
        func hashsweep(_ arguments: [String], expecting status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let result = try SlurmLocalCluster.run(binary, arguments, in: directory.url, environment: environment)
            #expect(result.status == status, "hashsweep \(arguments.joined(separator: " ")):\n\(result.output)", sourceLocation: sourceLocation)
            return result.output
        }

        /// Submits (or resubmits) and returns the job ids.
        func submit(_ arguments: [String]) throws -> Set<Int> {
            let jobs = SlurmLocalCluster.jobIDs(in: try hashsweep(arguments))
            #expect(!jobs.isEmpty, "no job id printed")
            submittedJobs.formUnion(jobs)
            return jobs
        }

        /// Remembers jobs submitted outside ``submit(_:)``.
        func remember(_ jobs: Set<Int>) { submittedJobs.formUnion(jobs) }

        func wait(for jobs: Set<Int>) throws {
            try SlurmLocalCluster.waitForJobs(jobs, client: client, logs: layout.logDirectory)
        }

        /// Waits until array task `task` of `job` has measured epoch 1, i.e. while it trains toward the next epoch.
        func waitUntilTraining(job: Int, task: Int) throws {
            let partial = layout.shard(ShardName(job: job, task: task), partial: true).path
            let finished = layout.shard(ShardName(job: job, task: task), partial: false).path
            let deadline = Date().addingTimeInterval(120)
            while (try? ShardStore.openForReading(path: partial).measuredEpochs().values.contains { $0.contains(1) }) != true {
                try #require(Date() < deadline, "task \(job)_\(task) never measured epoch 1")
                try #require(!FileManager.default.fileExists(atPath: finished), "task \(job)_\(task) finished before it could be signalled")
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        /// `hashsweep run` of the same spec into another database; returns its path.
        func runLocally() throws -> String {
            let local = directory.url.appendingPathComponent("local/sweep.sqlite").path
            try hashsweep(["run", spec, "--db", local, "-j", "1"])
            return local
        }
    }

    @Test("an array of shards, collected, equals a local run; collecting again changes nothing")
    func arrayMatchesLocalRun() throws {
        let sweep = try Sweep(name: "e2e-array", epochs: [0, 1, 3], seeds: 2)
        let jobs = try sweep.submit(["slurm", "submit", sweep.spec, "--trajectories-per-task", "2", "--mem", "200M", "--time", "10"])
        try sweep.wait(for: jobs)
        #expect(sweep.layout.shardFiles().map { "\($0.name)\($0.partial ? " partial" : "")" }.sorted()
                == jobs.flatMap { job in [0, 1].map { "\(job)_\($0)" } }.sorted())
        #expect(try sweep.hashsweep(["slurm", "collect", sweep.database]).contains("12 measurements added"))
        #expect(try sweep.hashsweep(["slurm", "collect", sweep.database]).contains("0 measurements added, 12 already present, 0 conflicting"))
        #expect(try sweep.hashsweep(["slurm", "status", sweep.database]).contains("4 done"))
        try SlurmLocalCluster.expectSameMeasurements(sweep.database, try sweep.runLocally())
    }

    @Test("a task cancelled mid-run checkpoints; resubmit --missing continues it; collected, it equals a local run")
    func cancelAndResubmit() throws {
        let sweep = try Sweep(name: "e2e-cancel", epochs: [0, 1, 300], seeds: 1)
        let jobs = try sweep.submit(["slurm", "submit", sweep.spec, "--mem", "200M"])
        let job = try #require(jobs.first)
        let partial = sweep.layout.shard(ShardName(job: job, task: 0), partial: true).path
        // Cancel task 0 while it trains toward epoch 300.

        try sweep.waitUntilTraining(job: job, task: 0)
        try sweep.client.cancel(job: job, task: 0)
        try sweep.wait(for: jobs)

        let stopped = try ShardStore.openForReading(path: partial)
        #expect(try stopped.events().contains { $0.kind == "stopped" }, "SIGTERM made the task checkpoint before exiting")
        let checkpoint = try #require(try stopped.checkpoints().values.first)
        #expect(checkpoint.epoch >= 1)
        #expect(try !stopped.isComplete())
        #expect(FileManager.default.fileExists(atPath: sweep.layout.shard(ShardName(job: job, task: 1), partial: false).path))

        let output = try sweep.hashsweep(["slurm", "resubmit", sweep.database, "--missing"])
        sweep.remember(SlurmLocalCluster.jobIDs(in: output))
        #expect(output.contains("1 trajectories in 1 array tasks, 1 continuing from checkpoints"), "\(output)")
        let resume = sweep.layout.submissionDirectory(2).appendingPathComponent("resume.sqlite").path
        #expect(try ShardStore.openForReading(path: resume).checkpoints().values.map(\.epoch) == [checkpoint.epoch])
        try sweep.wait(for: SlurmLocalCluster.jobIDs(in: output))

        #expect(try sweep.hashsweep(["slurm", "collect", sweep.database]).contains("0 conflicting"))
        #expect(try sweep.hashsweep(["slurm", "resubmit", sweep.database, "--missing"]).contains("Nothing to submit"))
        try SlurmLocalCluster.expectSameMeasurements(sweep.database, try sweep.runLocally())
    }

    @Test("SIGUSR1 before the time limit: the task checkpoints, requeues itself and continues from its checkpoint")
    func requeueContinues() throws {
        let sweep = try Sweep(name: "e2e-requeue", epochs: [0, 1, 300], seeds: 1)
        let jobs = try sweep.submit(["slurm", "submit", sweep.spec, "--mem", "200M", "--array-parallelism", "2"])
        let job = try #require(jobs.first)
        try sweep.waitUntilTraining(job: job, task: 0)
        // What --signal=B:USR1@60 does a minute before the time limit.
        _ = try sweep.client.run("scancel", ["--signal=USR1", "--batch", "\(job)_0"])
        try sweep.wait(for: jobs)

        let shard = try ShardStore.openForReading(path: sweep.layout.shard(ShardName(job: job, task: 0), partial: false).path)
        #expect(try shard.isComplete())
        let starts = try shard.events().filter { $0.kind == "start" }.map(\.message)
        #expect(starts.count == 2, "one start, and one after the requeue: \(starts)")
        #expect(starts.last?.hasPrefix("from checkpoint at epoch") == true, "\(starts)")
        #expect(try sweep.hashsweep(["slurm", "collect", sweep.database]).contains("0 conflicting"))
        try SlurmLocalCluster.expectSameMeasurements(sweep.database, try sweep.runLocally())
    }
}
