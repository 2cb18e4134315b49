import ArgumentParser
import Foundation
import Sweep

/// `hashsweep worker`: one worker process; `run` starts several.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Claim, train and measure trajectories from a sweep database until none is pending.",
        discussion: """
            `hashsweep run` starts these for you. Run one by hand (or from a batch job) to add a worker \
            to a running sweep on the same machine. SIGINT/SIGTERM release the trajectory in hand \
            (its partial epoch is redone from the last checkpoint) and stop the worker.
            """
    )

    @Option(help: "The sweep database.")
    var db: String

    @Option(help: "The worker's name, unique within the sweep (default: worker-HOST-PID).")
    var name: String?

    @Flag(help: "Stop when standard input closes or the parent process changes (set by `run`).")
    var watchParent = false

    @Option(help: "Seconds a lease lasts without a heartbeat.")
    var lease: Double = 60

    @Flag(help: "Only re-measure from kept checkpoints; never train (set by `measure`).")
    var measureOnly = false

    func validate() throws {
        guard lease >= 5 else { throw ValidationError("--lease must be at least 5 seconds (got \(lease)).") }
    }

    func run() throws {
        var options = WorkerOptions(databasePath: db, name: name ?? "worker-\(WorkerIdentity.currentHost)-\(getpid())",
                                    watchParent: watchParent)
        options.leaseDuration = lease
        options.measureOnly = measureOnly
        options.heartbeatInterval = min(2, lease / 6)
        do {
            _ = try Worker.run(options)
        } catch {
            StandardError.line("worker \(options.name): \(error)")
            throw ExitCode(WorkerExitCode.error)
        }
    }
}
