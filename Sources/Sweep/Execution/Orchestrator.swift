import Foundation

/// How `hashsweep run` drives its workers.
public struct OrchestratorOptions: Sendable {
    /// The sweep database (already synchronised with the spec).
    public var databasePath: String
    /// Worker processes to keep busy.
    public var workers: Int
    /// The hashsweep executable to start as `hashsweep worker`.
    public var executable: String
    /// Seconds a lease lasts without a heartbeat (passed to the workers).
    public var leaseDuration: TimeInterval = 30
    /// Whether the workers only re-measure from kept checkpoints (`hashsweep measure`): the run
    /// ends when they find nothing more of that kind, leaving the work that needs training pending.
    public var measureOnly = false
    /// The tool version, which keys the cached calibration the progress bar's time left may use.
    public var toolVersion = "unknown"

    /// Options for `workers` processes of `executable` on `databasePath`.
    public init(databasePath: String, workers: Int, executable: String) {
        precondition(workers >= 1, "OrchestratorOptions: at least one worker")
        self.databasePath = databasePath
        self.workers = workers
        self.executable = executable
    }
}

/// How a run ended.
public struct OrchestratorResult: Sendable {
    /// The sweep's state at the end.
    public var summary: StatusSummary
    /// Whether a signal stopped the run before the work was done.
    public var interrupted: Bool
    /// Wall-clock seconds of the run.
    public var wallSeconds: Double
    /// Worker processes started (replacements included).
    public var workersStarted: Int
}

/// Starts worker processes, keeps `workers` of them busy while trajectories are
/// pending, replaces those that die (reclaiming their trajectory as a failed
/// attempt), shows progress, and handles Ctrl-C.
///
/// First SIGINT/SIGTERM/SIGHUP: the workers get SIGTERM, release their leases
/// and exit; the run returns `interrupted`. A second one kills them at once
/// (their leases are then reclaimed as their processes are gone).
public final class Orchestrator {
    private let store: SweepStore
    private let options: OrchestratorOptions
    private let display: ProgressDisplay
    private var children: [(name: String, process: ChildProcess)] = []
    private var started = 0
    private var crashesWithoutProgress = 0
    private var recentOutput: [String] = []
    /// Set once a measure-only worker finished: it found nothing more it may do, so none is started again.
    private var measureOnlyExhausted = false

    /// An orchestrator for the sweep in `store`.
    public init(store: SweepStore, options: OrchestratorOptions, display: ProgressDisplay) {
        self.store = store
        self.options = options
        self.display = display
    }

    /// Runs until every trajectory of the current spec is done or failed, or a signal stops it.
    public func run() throws -> OrchestratorResult {
        let clock = Stopwatch()
        let interrupts = InterruptCount()
        let watch = SignalWatch { _, count in interrupts.set(count) }
        defer { withExtendedLifetime(watch) {} }
        try store.reclaimStaleLeases()
        var summary = try store.summary()
        // The summary is re-read at least every `refresh` seconds, and whenever a worker ended;
        // the interval grows with the time a summary takes, keeping the polling cost near 5%.
        var refresh = 0.2, lastSummary = clock.seconds
        var stopping = false, killed = false
        var progressMark = summary.doneMeasurements + summary.counts[.failed, default: 0]
        var lastReclaim = clock.seconds
        // The time left, re-made when measurements land and every 10 s, at most every 2 s (more
        // where making it is slow, keeping its cost near 5%).
        var estimate: SweepTimeEstimate?, lastEstimate = -Double.infinity, estimatedAt = -1, estimateInterval = 2.0
        let recordedSpec = try? store.recordedSpec()  // parsed once: the spec cannot change during a run
        while true {
            let signals = interrupts.value
            if signals >= 1 && !stopping {
                stopping = true
                display.log("Stopping: workers release their trajectories and exit (Ctrl-C again to kill them at once).")
                children.forEach { $0.process.send(SIGTERM) }
            }
            if signals >= 2 && !killed {
                killed = true
                children.forEach { $0.process.send(SIGKILL) }
            }
            if !stopping {
                if clock.seconds - lastReclaim > 5 {
                    lastReclaim = clock.seconds
                    if try !store.reclaimStaleLeases().isEmpty { summary = try store.summary() }
                }
                try spawnWorkers(for: summary)
            }
            let sinceEstimate = clock.seconds - lastEstimate
            if sinceEstimate >= max(10, estimateInterval)
                || (sinceEstimate >= estimateInterval && summary.doneMeasurements != estimatedAt) {
                let start = clock.seconds
                estimatedAt = summary.doneMeasurements
                // An estimate that cannot be made leaves the last one; it never stops the sweep.
                estimate = (try? store.timeEstimate(for: recordedSpec, workers: options.workers) {
                    CostCalibration.cachedModel(toolVersion: options.toolVersion)
                }) ?? estimate
                lastEstimate = clock.seconds
                estimateInterval = max(2, 20 * (lastEstimate - start))
            }
            display.update(summary, estimate: estimate)
            if children.isEmpty && (stopping || measureOnlyExhausted || summary.counts[.pending, default: 0] == 0) { break }
            waitForOutput(milliseconds: 200)
            forwardOutput()
            let ended = try reapExited(stopping: stopping)
            if ended || children.isEmpty || clock.seconds - lastSummary >= refresh {
                let start = clock.seconds
                summary = try store.summary()
                lastSummary = clock.seconds
                refresh = max(0.2, 20 * (lastSummary - start))
            }
            let mark = summary.doneMeasurements + summary.counts[.failed, default: 0]
            if mark != progressMark { progressMark = mark; crashesWithoutProgress = 0 }
            if crashesWithoutProgress > max(3, 2 * options.workers) {
                children.forEach { $0.process.send(SIGKILL) }
                children.forEach { $0.process.wait() }
                try store.reclaimStaleLeases()
                display.finish()
                throw ExecutionError.workersKeepFailing(count: crashesWithoutProgress, lastStatus: "see output",
                                                        lastOutput: recentOutput)
            }
        }
        try store.reclaimStaleLeases()
        summary = try store.summary()
        display.finish()
        return OrchestratorResult(summary: summary, interrupted: stopping && !measureOnlyExhausted && summary.counts[.pending, default: 0] > 0,
                                  wallSeconds: clock.seconds, workersStarted: started)
    }

    /// Starts workers while fewer than `workers` run and more trajectories are pending than idle workers can take.
    private func spawnWorkers(for summary: StatusSummary) throws {
        let busy = Set(summary.running.compactMap(\.leaseOwner))
        guard !measureOnlyExhausted else { return }
        var idle = children.filter { !busy.contains($0.name) }.count
        let pending = summary.counts[.pending, default: 0]
        while children.count < options.workers && pending > idle {
            started += 1
            let name = "w\(started)-\(WorkerIdentity.currentHost)-\(getpid())"
            let process = try ChildProcess(executable: options.executable, arguments: [
                "worker", "--db", options.databasePath, "--name", name, "--watch-parent",
                "--lease", String(options.leaseDuration),
            ] + (options.measureOnly ? ["--measure-only"] : []))
            children.append((name, process))
            idle += 1
        }
    }

    /// Handles the workers that ended; returns whether any did.
    private func reapExited(stopping: Bool) throws -> Bool {
        var remaining: [(name: String, process: ChildProcess)] = []
        for child in children {
            guard let status = child.process.reap() else { remaining.append(child); continue }
            for line in child.process.readLines(flush: true) { show(line, from: child.name) }
            switch status {
            case .exited(WorkerExitCode.finished):
                if options.measureOnly { measureOnlyExhausted = true }
            case .exited(WorkerExitCode.interrupted), .exited(WorkerExitCode.orphaned):
                break
            default:
                crashesWithoutProgress += 1
                guard !stopping else { break }
                let ids = try store.reclaimLeases(of: child.name, exitStatus: status.description)
                let what = ids.isEmpty ? "" : "; its trajectory \(ids[0].prefix(12)) counts a failed attempt"
                display.log("worker \(child.name) ended (\(status))\(what); starting a replacement if work remains")
            }
        }
        let ended = remaining.count != children.count
        children = remaining
        return ended
    }

    private func waitForOutput(milliseconds: Int32) {
        var descriptors = children.map { pollfd(fd: $0.process.outputDescriptor, events: Int16(POLLIN), revents: 0) }
            .filter { $0.fd >= 0 }
        if descriptors.isEmpty { usleep(UInt32(milliseconds) * 1000); return }
        _ = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
    }

    private func forwardOutput() {
        for child in children {
            for line in child.process.readLines() { show(line, from: child.name) }
        }
    }

    private func show(_ line: String, from worker: String) {
        recentOutput.append("[\(worker)] \(line)")
        if recentOutput.count > 50 { recentOutput.removeFirst(recentOutput.count - 50) }
        display.log("[\(worker)] \(line)")
    }

    /// Signals received so far, written by the signal queue, read by the loop.
    private final class InterruptCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func set(_ newValue: Int) { lock.withLock { count = newValue } }
    }
}
