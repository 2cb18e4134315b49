import ArgumentParser
import Foundation
import Sweep

/// `hashsweep spec`: print the reference spec, or check a spec file.
struct SpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spec",
        abstract: "Print the commented reference spec, or validate a spec file.",
        discussion: "hashsweep spec --example > sweeps/mine.yaml writes a starting point; docs/spec.md describes every key.",
        subcommands: [Check.self]
    )

    @Flag(name: .long, help: "Print the complete, commented reference spec.")
    var example = false

    func run() throws {
        guard example else {
            throw CleanExit.helpRequest(self)
        }
        print(ExampleSpec.text, terminator: "")
    }

    /// `hashsweep spec check SPEC`: validate and summarise.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a spec and summarise its grid; list every problem with file:line:column."
        )

        @Argument(help: "The spec file (YAML).")
        var spec: String

        func run() throws {
            do {
                let parsed = try SweepSpec.load(path: spec)
                print(parsed.summary, terminator: "")
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode.failure
            }
        }
    }
}
