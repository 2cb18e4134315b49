import Foundation
import Testing
@testable import Sweep

@Suite("Slurm: the rendered sbatch script")
struct SlurmScriptTests {
    static func script(part: SlurmArrayPart, partNumber: Int, partCount: Int, resources: SlurmResources) -> SbatchScript {
        SbatchScript(sweepName: "tiny", part: part, partNumber: partNumber, partCount: partCount, resources: resources,
                     executable: "/opt/hashsweep/bin/hashsweep",
                     manifest: "/home/ada/results/tiny/slurm/submission-001/manifest.json",
                     logDirectory: "/home/ada/results/tiny/slurm/logs", workingDirectory: "/home/ada")
    }

    @Test("a first part with every option matches its golden file")
    func everyOption() throws {
        var resources = SlurmResources()
        resources.partition = "cpu"
        resources.time = "02:00:00"
        resources.cpusPerTask = 1
        resources.memory = "2G"
        resources.arrayParallelism = 8
        resources.extraArguments = ["--account=proj42", "--qos=normal"]
        let text = Self.script(part: SlurmArrayPart(offset: 0, count: 1001), partNumber: 1, partCount: 2, resources: resources).render()
        try SlurmSnapshot.expectMatches(text, named: "sbatch-part-1-of-2.sbatch")
    }

    @Test("a later part with the defaults offsets the array index and matches its golden file")
    func laterPartDefaults() throws {
        let text = Self.script(part: SlurmArrayPart(offset: 1001, count: 5), partNumber: 2, partCount: 2, resources: SlurmResources()).render()
        try SlurmSnapshot.expectMatches(text, named: "sbatch-part-2-of-2.sbatch")
        #expect(text.contains("--index \"$((SLURM_ARRAY_TASK_ID + 1001))\""))
    }

    @Test("paths with spaces or quotes are quoted for the shell")
    func quoting() {
        #expect(SbatchScript.shellQuoted("/plain/path-1.json") == "/plain/path-1.json")
        #expect(SbatchScript.shellQuoted("/my results/x.json") == "'/my results/x.json'")
        #expect(SbatchScript.shellQuoted("it's") == "'it'\\''s'")
        #expect(SbatchScript.shellQuoted("") == "''")
    }

    @Test("the task command the script runs is a valid bash command (bash -n)")
    func scriptParses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-script-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var script = Self.script(part: SlurmArrayPart(offset: 3, count: 2), partNumber: 1, partCount: 1, resources: SlurmResources())
        script.manifest = "/tmp/it's a dir/manifest.json"
        let url = directory.appendingPathComponent("part.sbatch")
        try script.render().write(to: url, atomically: true, encoding: .utf8)
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-n", url.path]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
    }
}
