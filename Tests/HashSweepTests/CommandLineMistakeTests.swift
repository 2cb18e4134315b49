import Foundation
import Testing

/// Mistakes on the command line that once surfaced as raw Foundation, SQLite or parser
/// messages: each gets a message that says what is wrong and what to give instead.
@Suite(.serialized)
struct CommandLineMistakeTests {
    @Test("a folder given as the spec is named as a folder, with the specs it holds")
    func folderAsSpec() throws {
        let folder = try TemporaryFolder()
        try folder.write("name: x\n", to: "specs/one.yaml")
        for arguments in [["spec", "check", "specs"], ["run", "specs"], ["status", "specs"]] {
            let outcome = try HashSweepCLI.run(arguments, in: folder.url)
            #expect(outcome.status != 0, "\(outcome)")
            #expect(outcome.error.contains("specs: cannot read the spec: it is a folder; give a spec file (YAML) (it holds specs/one.yaml)"),
                    "\(outcome)")
            #expect(!outcome.error.contains("NSCocoaErrorDomain"), "\(outcome)")
        }
    }

    @Test("a folder given as --db or as the target is named as a folder, with the file to pass")
    func folderAsDatabase() throws {
        let folder = try TemporaryFolder()
        try folder.write(EndToEndTests.spec, to: "cli-e2e.yaml")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("archive"), withIntermediateDirectories: true)
        for arguments in [["status", "cli-e2e.yaml", "--db", "archive"], ["run", "cli-e2e.yaml", "--db", "archive"],
                          ["plan", "cli-e2e.yaml", "--db", "archive"]] {
            let outcome = try HashSweepCLI.run(arguments, in: folder.url)
            #expect(outcome.status != 0, "\(outcome)")
            #expect(outcome.error.contains("archive is a folder, not a sweep database. Pass the database file itself (e.g. archive/sweep.sqlite)"),
                    "\(outcome)")
            #expect(!outcome.error.contains("SQLite error"), "\(outcome)")
        }
    }

    @Test("a missing .sqlite target is a missing database, not an unreadable spec")
    func missingDatabaseTarget() throws {
        let folder = try TemporaryFolder()
        for name in ["sweep.sqlite", "old.db"] {
            let outcome = try HashSweepCLI.run(["status", name], in: folder.url)
            #expect(outcome.status != 0, "\(outcome)")
            #expect(outcome.error.contains("No sweep database at \(name)."), "\(outcome)")
            #expect(!outcome.error.contains("cannot read the spec"), "\(outcome)")
        }
        #expect(folder.contents().isEmpty, "\(folder.contents())")
    }

    @Test("a negative number is read as the option's value and rejected as out of range")
    func negativeWidth() throws {
        let folder = try TemporaryFolder()
        let outcome = try HashSweepCLI.run(["train", "--dataset", "synthetic", "--width", "-3", "--epochs", "1"], in: folder.url)
        #expect(outcome.status != 0, "\(outcome)")
        #expect(outcome.error.contains("--width and --depth must be positive (got -3, 1)"), "\(outcome)")
        #expect(!outcome.error.contains("Missing value"), "\(outcome)")
    }

    @Test("an empty item in a comma list is an error naming it, not skipped",
          arguments: [["train", "--dataset", "synthetic", "--widths", "8,,16", "--epochs", "1"],
                      ["bench", "metrics", "--widths", "8,,16"]])
    func emptyListItem(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        let outcome = try HashSweepCLI.run(arguments, in: folder.url)
        #expect(outcome.status != 0, "\(outcome)")
        #expect(outcome.error.contains("--widths: item 2 of \"8,,16\" is empty"), "\(outcome)")
    }

    @Test("a mistyped subcommand gets the nearest command, at the root and in a group",
          arguments: [(["chrat"], "'chrat' is not a command of 'hashsweep'. Did you mean 'hashsweep chart'?"),
                      (["data", "fetc", "mnist"], "'fetc' is not a command of 'hashsweep data'. Did you mean 'hashsweep data fetch'?"),
                      (["stauts", "x.yaml"], "'stauts' is not a command of 'hashsweep'. Did you mean 'hashsweep status'?")])
    func mistypedSubcommand(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        let outcome = try HashSweepCLI.run(arguments, in: folder.url)
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.error.contains(message), "\(outcome)")
    }

    @Test("data inspect takes --data-dir, the option its missing-file message names, as well as --dir",
          arguments: ["--data-dir", "--dir"])
    func inspectTakesTheSuggestedOption(option: String) throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let outcome = try HashSweepCLI.run(["data", "inspect", "mnist", option, "empty"], in: folder.url)
        #expect(outcome.status != 0, "\(outcome)")
        #expect(outcome.error.contains("looked in: empty"), "\(outcome)")
        #expect(outcome.error.contains("--data-dir"), "\(outcome)")
        #expect(!outcome.error.contains("Unknown option"), "\(outcome)")
    }
}
