import Foundation

/// What a `hashsweep worker` process is told by its orchestrator.
public struct WorkerOptions: Sendable {
    /// The sweep database.
    public var databasePath: String
    /// The worker's name, unique in the sweep (lease owner).
    public var name: String
    /// Whether to stop when standard input reaches EOF or the parent changes
    /// (set when an orchestrator started this worker).
    public var watchParent: Bool
    /// Seconds between lease heartbeats.
    public var heartbeatInterval: TimeInterval = 2
    /// Seconds a lease lasts without a heartbeat.
    public var leaseDuration: TimeInterval = 30
    /// Whether to take only re-measurements from kept checkpoints, never training (`hashsweep measure`).
    public var measureOnly = false

    /// Options for a worker named `name` on the database at `databasePath`.
    public init(databasePath: String, name: String, watchParent: Bool) {
        self.databasePath = databasePath
        self.name = name
        self.watchParent = watchParent
    }
}

/// The worker loop: claim a trajectory, train and measure it, repeat until none is pending.
public enum Worker {
    /// Runs the loop in this process; returns the number of trajectories finished.
    ///
    /// Installs signal handling for the process: SIGINT, SIGTERM and SIGHUP release
    /// the held lease and end the process with ``WorkerExitCode/interrupted``; the
    /// orchestrator's death does the same with ``WorkerExitCode/orphaned``. A
    /// trajectory that throws is recorded as a failed attempt and the loop goes on.
    public static func run(_ options: WorkerOptions) throws -> Int {
        signal(SIGPIPE, SIG_IGN)
        let store = try SweepStore.open(path: options.databasePath, leaseDuration: options.leaseDuration)
        let session = WorkerSession(store: store, identity: WorkerIdentity(name: options.name))
        let signals = SignalWatch { signal, _ in
            session.shutdown(reason: "stopped by \(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP")",
                             exitCode: WorkerExitCode.interrupted)
        }
        if options.watchParent {
            ParentWatch.start { session.shutdown(reason: "orchestrator gone", exitCode: WorkerExitCode.orphaned) }
        }
        LeaseHeartbeat.start(session: session, interval: options.heartbeatInterval)
        let datasets = DatasetCache()
        var finished = 0
        while let claim = try session.claimNext(measureOnly: options.measureOnly) {
            do {
                let runner = TrajectoryRunner(claim: claim, session: session, datasets: datasets)
                let setupSeconds = try runner.run()
                try session.finish(claim, setupSeconds: setupSeconds)
                finished += 1
            } catch let error as StoreError {
                guard case .leaseLost = error else { throw error }
                report("worker \(options.name): \(error)")
                session.drop(claim)
            } catch {
                report("worker \(options.name): trajectory \(claim.trajectory.id.prefix(12)) failed: \(error)")
                try session.fail(claim, error: error)
            }
        }
        withExtendedLifetime(signals) {}
        return finished
    }

    private static func report(_ line: String) {
        StandardError.line(line)
    }
}
