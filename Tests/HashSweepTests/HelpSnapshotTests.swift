import Foundation
import Testing

/// The `--help` text of every command, compared with `Snapshots/<command path>.txt`.
///
/// The commands are found by walking the SUBCOMMANDS sections from the root, so a new
/// subcommand without a snapshot fails here. To accept changed help text on purpose:
///
///     HASHSWEEP_RECORD_SNAPSHOTS=1 swift test --filter HelpSnapshotTests
///
/// then review the diff of `Tests/HashSweepTests/Snapshots/` before committing it. The same run
/// regenerates `docs/cli.md` from the help texts; otherwise a test checks that it is current.
@Suite(.serialized)
struct HelpSnapshotTests {
    static let snapshots = HashSweepCLI.packageRoot.appendingPathComponent("Tests/HashSweepTests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["HASHSWEEP_RECORD_SNAPSHOTS"] == "1"

    @Test func everyCommandsHelpMatchesItsSnapshot() throws {
        let folder = try TemporaryFolder()
        var pending: [[String]] = [[]]
        var seen: [String] = []
        var commands: [(path: [String], help: String)] = []
        while !pending.isEmpty {
            let path = pending.removeFirst()
            let outcome = try HashSweepCLI.run(path + ["--help"], in: folder.url)
            #expect(outcome.status == 0, "\(outcome)")
            let name = (["hashsweep"] + path).joined(separator: "-") + ".txt"
            seen.append(name)
            commands.append((path, outcome.output))
            try compare(outcome.output, withSnapshot: name)
            pending += Self.subcommands(inHelp: outcome.output).map { path + [$0] }
        }
        #expect(seen.count >= 10, "expected the whole command tree, walked only \(seen)")
        #expect(folder.contents().isEmpty, "--help wrote files: \(folder.contents())")
        let stored = try FileManager.default.contentsOfDirectory(atPath: Self.snapshots.path).filter { $0.hasSuffix(".txt") }
        let stale = Set(stored).subtracting(seen).sorted()
        #expect(stale.isEmpty, "snapshots of commands that no longer exist: \(stale); delete them")
        try checkReference(CLIReference.document(commands))
    }

    @Test func rootHelpNamesTheWorkflow() throws {
        let folder = try TemporaryFolder()
        let outcome = try HashSweepCLI.run(["--help"], in: folder.url)
        for command in ["spec", "run", "status", "chart", "export", "data"] {
            #expect(Self.subcommands(inHelp: outcome.output).contains(command), "root help lacks \(command):\n\(outcome.output)")
        }
    }

    @Test func versionPrintsOneLine() throws {
        let folder = try TemporaryFolder()
        let outcome = try HashSweepCLI.run(["--version"], in: folder.url)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.output.split(separator: "\n").count == 1, "\(outcome)")
    }

    /// The names in a help text's SUBCOMMANDS section (lines indented by exactly two spaces).
    static func subcommands(inHelp help: String) -> [String] {
        let lines = help.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    /// `docs/cli.md` must be the document generated from the current help texts.
    private func checkReference(_ generated: String) throws {
        let file = HashSweepCLI.packageRoot.appendingPathComponent(CLIReference.path)
        if Self.recording {
            try generated.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let stored = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        #expect(stored == generated, "\(CLIReference.path) is out of date with the help text; regenerate it with HASHSWEEP_RECORD_SNAPSHOTS=1")
    }

    private func compare(_ actual: String, withSnapshot name: String) throws {
        let file = Self.snapshots.appendingPathComponent(name)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No snapshot \(name); record it with HASHSWEEP_RECORD_SNAPSHOTS=1. The help text:\n\(actual)")
            return
        }
        guard actual != expected else { return }
        let actualLines = actual.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let shown = { (lines: [String]) in line < lines.count ? lines[line] : "<end of text>" }
        Issue.record("""
            \(name) differs from the help text at line \(line + 1):
              snapshot: \(shown(expectedLines))
              actual:   \(shown(actualLines))
            If the change is intended, rerun with HASHSWEEP_RECORD_SNAPSHOTS=1 and review the diff.
            """)
    }
}
