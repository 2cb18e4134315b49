import Foundation

/// Writes a submission (manifest, resume database, one sbatch script per array part) beside the
/// sweep database and submits it with `sbatch`.
///
/// Each submission gets its own numbered folder and never changes afterwards, so a task that
/// starts (or is requeued) later always reads what was submitted. `submission.json` is rewritten
/// after each part is accepted, so it lists exactly the jobs that exist even if `sbatch` fails
/// part-way.
public struct SlurmSubmitter: Sendable {
    /// Where the sweep's Slurm files go.
    public var layout: SlurmLayout
    /// The cluster.
    public var client: SlurmClient
    /// What each task asks for.
    public var resources: SlurmResources
    /// Trajectories trained one after the other by each array task.
    public var trajectoriesPerTask: Int
    /// Absolute path of the hashsweep executable the tasks run.
    public var executable: String
    /// The cluster's MaxArraySize; `nil` asks the cluster (Slurm's default on a dry run without one).
    public var maxArraySize: Int?

    /// A submitter; see the properties.
    public init(layout: SlurmLayout, client: SlurmClient, resources: SlurmResources, trajectoriesPerTask: Int, executable: String) {
        self.layout = layout
        self.client = client
        self.resources = resources
        self.trajectoriesPerTask = trajectoriesPerTask
        self.executable = executable
    }

    /// Writes and (unless `dryRun`) submits `work`: trajectories with the epochs still to measure,
    /// continuing from `resume` where a checkpoint is given.
    ///
    /// The array is split by ``maxArraySize``.
    public func submit(sweepName: String, work: [Trajectory], resume: [String: StoredCheckpoint], dryRun: Bool) throws -> SlurmSubmission {
        try resources.validate()
        guard trajectoriesPerTask >= 1 else {
            throw SlurmError.invalidOption(name: "--trajectories-per-task", value: String(trajectoriesPerTask), allowed: "an integer of at least 1")
        }
        guard !work.isEmpty else { throw SlurmError.nothingToSubmit(database: layout.database.path) }
        let maxArraySize = self.maxArraySize
            ?? (dryRun && !client.isAvailable ? SlurmArrayPlan.defaultMaxArraySize : client.maxArraySize())
        let (number, directory) = try makeSubmissionDirectory()
        try FileManager.default.createDirectory(at: layout.logDirectory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: layout.shardDirectory, withIntermediateDirectories: true)

        var resumePath: String?
        let handedOver = work.compactMap { trajectory in resume[trajectory.id].map { (trajectory, $0) } }
        if !handedOver.isEmpty {
            let url = directory.appendingPathComponent("resume.sqlite")
            let store = try ShardStore.openOrCreate(path: url.path, origin: nil)
            for (trajectory, checkpoint) in handedOver { try store.storeResumeCheckpoint(checkpoint, for: trajectory) }
            try store.close()
            resumePath = url.path
        }
        let manifestURL = directory.appendingPathComponent("manifest.json")
        let manifest = SlurmManifest.assigning(work, perTask: trajectoriesPerTask, sweepName: sweepName,
                                               databasePath: layout.database.path, shardDirectory: layout.shardDirectory.path,
                                               resumeDatabasePath: resumePath)
        try manifest.write(to: manifestURL)

        let ranges = try SlurmArrayPlan.split(taskCount: manifest.tasks.count, maxArraySize: maxArraySize)
        var submission = SlurmSubmission(number: number, createdAt: Date().timeIntervalSince1970, manifest: manifestURL.path,
                                         parts: [], dryRun: dryRun, resources: resources, trajectoriesPerTask: trajectoriesPerTask)
        for (position, range) in ranges.enumerated() {
            let script = SbatchScript(sweepName: sweepName, part: range, partNumber: position + 1, partCount: ranges.count,
                                      resources: resources, executable: executable, manifest: manifestURL.path,
                                      logDirectory: layout.logDirectory.path,
                                      workingDirectory: FileManager.default.currentDirectoryPath)
            let scriptURL = directory.appendingPathComponent("part-\(position + 1).sbatch")
            try script.render().write(to: scriptURL, atomically: true, encoding: .utf8)
            submission.parts.append(SlurmSubmission.Part(range: range, script: scriptURL.path, jobID: nil))
        }
        try submission.write(into: directory)
        guard !dryRun else { return submission }
        for position in submission.parts.indices {
            let scriptURL = URL(fileURLWithPath: submission.parts[position].script)
            submission.parts[position].jobID = try client.submit(script: scriptURL)
            try submission.write(into: directory)
        }
        return submission
    }

    /// Plans what the sweep in `store` has left (``SlurmWorkPlan``), leaving out what queued or running
    /// tasks of earlier submissions hold, and submits it; the submission is `nil` when nothing is left.
    ///
    /// A real submission is logged in the database's event log as `slurm-KIND` (`submit`, `resubmit`).
    public func submitRemaining(of store: SweepStore, sweepName: String, dryRun: Bool, kind: String) throws
        -> (plan: SlurmWorkPlan, submission: SlurmSubmission?) {
        let earlier = try Self.submissions(in: layout)
        let jobs = Set(earlier.flatMap(\.jobIDs))
        let active = client.isAvailable && !jobs.isEmpty
            ? try SlurmWorkPlan.activeTrajectories(submissions: earlier, queue: client.queue(jobs: jobs))
            : []
        let plan = try SlurmWorkPlan.make(store: store, layout: layout, active: active)
        guard !plan.work.isEmpty else { return (plan, nil) }
        let submission = try submit(sweepName: sweepName, work: plan.work, resume: plan.resume, dryRun: dryRun)
        if !dryRun {
            try store.logSlurmEvent(kind: "slurm-\(kind)", message: "submission \(submission.number): jobs \(submission.jobIDs), "
                                    + "\(plan.work.count) trajectories, \(plan.resume.count) from checkpoints")
        }
        return (plan, submission)
    }

    /// Creates the next free `submission-NNN` folder (safe against a concurrent submit).
    private func makeSubmissionDirectory() throws -> (Int, URL) {
        try FileManager.default.createDirectory(at: layout.slurmDirectory, withIntermediateDirectories: true)
        var number = (layout.submissionNumbers().last ?? 0) + 1
        while true {
            let directory = layout.submissionDirectory(number)
            if mkdir(directory.path, 0o755) == 0 { return (number, directory) }
            guard errno == EEXIST else {
                throw SlurmError.unwritableFolder(path: directory.path, reason: String(cString: strerror(errno)))
            }
            number += 1
        }
    }

    /// Every submission recorded beside the database, oldest first.
    public static func submissions(in layout: SlurmLayout) throws -> [SlurmSubmission] {
        try layout.submissionNumbers().compactMap { try SlurmSubmission.read(from: layout.submissionDirectory($0)) }
    }
}
