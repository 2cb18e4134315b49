import Foundation

/// Where a sweep submitted to Slurm stands: its submissions' tasks in the queue, the shards they
/// wrote, what the cluster's accounting says, and the sweep database's own view.
public struct SlurmStatusReport: Sendable {
    /// One submission's state.
    public struct Submission: Sendable, Equatable {
        /// Its number.
        public var number: Int
        /// Its array jobs (empty for a dry run).
        public var jobIDs: [Int]
        /// Whether it was only written.
        public var dryRun: Bool
        /// Array tasks submitted.
        public var tasks: Int
        /// Tasks waiting in the queue.
        public var pending: Int
        /// Tasks running (or completing).
        public var running: Int
        /// Complete shards its tasks wrote.
        public var finishedShards: Int
        /// Partial shards (stopped, cancelled or running tasks).
        public var partialShards: Int
    }

    /// Every submission, oldest first.
    public var submissions: [Submission]
    /// Why the queue could not be read (`nil` when it was).
    public var queueError: String?
    /// `sacct` output for the jobs, where accounting (or the completion log) is available.
    public var accounting: String?
    /// The sweep database's counts.
    public var summary: StatusSummary
    /// Measurements in shards that the database does not hold yet (run `collect`).
    public var uncollectedMeasurements: Int

    /// Gathers the status of the sweep in `store`.
    public static func make(store: SweepStore, layout: SlurmLayout, client: SlurmClient) throws -> SlurmStatusReport {
        let recorded = try SlurmSubmitter.submissions(in: layout)
        let jobs = Set(recorded.flatMap(\.jobIDs))
        var queue: [SlurmQueueEntry] = []
        var queueError: String?
        if !jobs.isEmpty {
            do { queue = try client.queue(jobs: jobs) } catch { queueError = error.description }
        }
        let shards = layout.shardFiles()
        let submissions = recorded.map { submission in
            let own = Set(submission.jobIDs)
            let entries = queue.filter { own.contains($0.job) }
            let files = shards.filter { own.contains($0.name.job) }
            return Submission(number: submission.number, jobIDs: submission.jobIDs, dryRun: submission.dryRun,
                              tasks: submission.parts.reduce(0) { $0 + $1.range.count },
                              pending: entries.count { $0.state == "PENDING" },
                              running: entries.count { $0.state != "PENDING" },
                              finishedShards: files.count { !$0.partial }, partialShards: files.count { $0.partial })
        }
        let measured = try store.measuredEpochs()
        var uncollected = Set<String>()
        for file in shards {
            guard let shard = try? ShardStore.openForReading(path: file.url.path), let epochs = try? shard.measuredEpochs() else { continue }
            for (id, set) in epochs {
                for epoch in set where !(measured[id]?.contains(epoch) ?? false) { uncollected.insert("\(id)@\(epoch)") }
            }
        }
        return SlurmStatusReport(submissions: submissions, queueError: queueError,
                                 accounting: jobs.isEmpty ? nil : client.accounting(jobs: jobs.sorted()),
                                 summary: try store.summary(), uncollectedMeasurements: uncollected.count)
    }

    /// The report as lines of text.
    public var text: String {
        var lines: [String] = []
        if submissions.isEmpty { lines.append("No Slurm submissions yet.") }
        for submission in submissions {
            let jobs = submission.dryRun ? "dry run, not submitted"
                : submission.jobIDs.isEmpty ? "not submitted: sbatch failed"
                : "jobs " + submission.jobIDs.map(String.init).joined(separator: ", ")
            lines.append(String(format: "submission %03d (%@): %d tasks; %d pending, %d running; shards: %d complete, %d partial",
                                submission.number, jobs, submission.tasks, submission.pending, submission.running,
                                submission.finishedShards, submission.partialShards))
        }
        if let queueError { lines.append("The queue could not be read: \(queueError)") }
        if let accounting, !accounting.isEmpty { lines.append("Accounting (sacct):"); lines.append(accounting.trimmingCharacters(in: .newlines)) }
        let counts = TrajectoryStatus.allCases.map { "\(summary.counts[$0, default: 0]) \($0.rawValue)" }.joined(separator: ", ")
        lines.append("Database: \(summary.total) trajectories (\(counts)); \(summary.doneMeasurements)/\(summary.requestedMeasurements) measurements.")
        if uncollectedMeasurements > 0 {
            lines.append("\(uncollectedMeasurements) measurements are in shards but not in the database yet: run hashsweep slurm collect.")
        }
        for failure in summary.failures { lines.append("failed \(failure.id): \(failure.lastError ?? "no error recorded")") }
        return lines.joined(separator: "\n")
    }
}
