import ArgumentParser
import Foundation
import Sweep

/// The `SPEC|DB` argument of `status`, `retry` and `plan`: a spec file (its
/// database is `results/<name>/sweep.sqlite` unless `--db` says otherwise) or a
/// sweep database itself.
struct SweepTarget {
    /// The parsed spec, when a spec was given.
    let spec: SweepSpec?
    /// The sweep database.
    let databasePath: String

    /// Resolves `argument`; a spec that fails validation is reported on stderr and ends the command.
    init(argument: String, database: String?) throws {
        if SweepLocation.isDatabase(path: argument) || SweepLocation.namesDatabase(path: argument) {
            spec = nil
            databasePath = argument
            return
        }
        do {
            let parsed = try SweepSpec.load(path: argument)
            spec = parsed
            databasePath = database ?? SweepLocation.defaultDatabasePath(sweepName: parsed.name)
        } catch {
            StandardError.line(error.description)
            throw ExitCode.failure
        }
    }

    /// The command line that resumes this sweep.
    static func resumeCommand(spec: String, database: String?) -> String {
        "hashsweep run " + resumeArguments(spec: spec, database: database)
    }

    /// The arguments naming this sweep on a command line (`SPEC [--db DB]`).
    static func resumeArguments(spec: String, database: String?) -> String {
        spec + (database.map { " --db \($0)" } ?? "")
    }
}
