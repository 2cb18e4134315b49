import ArgumentParser
import Foundation
import Sweep

/// `hashsweep retry SPEC --failed`: give failed trajectories another round of attempts.
struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Put failed trajectories back to pending with their attempt count reset; then `hashsweep run` again."
    )

    @Argument(help: "The spec file, or the sweep database itself.")
    var target: String

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    @Flag(help: "Retry the failed trajectories (required: the only kind of retry).")
    var failed = false

    func validate() throws {
        guard failed else { throw ValidationError("Say what to retry: --failed.") }
    }

    func run() throws {
        let resolved = try SweepTarget(argument: target, database: db)
        let store = try SweepStore.open(path: resolved.databasePath)
        let count = try store.retryFailed()
        print("\(count) failed trajectories are pending again. Resume with: "
              + SweepTarget.resumeCommand(spec: resolved.spec == nil ? "SPEC" : target, database: db))
    }
}
