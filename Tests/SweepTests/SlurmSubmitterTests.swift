import Foundation
import Testing
@testable import Sweep

@Suite("Slurm: a dry-run submission writes its manifest, scripts and resume database")
struct SlurmSubmitterTests {
    @Test("five tasks on a cluster with MaxArraySize 2 become three scripts with offsets 0, 2 and 4")
    func splitSubmission() throws {
        let directory = try SlurmTemporaryDirectory("submit")
        let layout = SlurmLayout(database: directory.url.appendingPathComponent("results/tiny/sweep.sqlite"))
        var submitter = SlurmSubmitter(layout: layout, client: SlurmClient(), resources: SlurmResources(), trajectoriesPerTask: 1,
                                       executable: "/opt/bin/hashsweep")
        submitter.maxArraySize = 2
        let work = (0..<5).map(SlurmPlanTests.trajectory)
        let handedOver = StoredCheckpoint(epoch: 1, data: Data([1, 2, 3]), unmeasuredSeconds: 0.5)
        let submission = try submitter.submit(sweepName: "tiny", work: work, resume: ["t3": handedOver], dryRun: true)

        #expect(submission.number == 1 && submission.dryRun && submission.jobIDs.isEmpty)
        #expect(submission.parts.map(\.range) == [SlurmArrayPart(offset: 0, count: 2), SlurmArrayPart(offset: 2, count: 2),
                                                  SlurmArrayPart(offset: 4, count: 1)])
        let scripts = try submission.parts.map { try String(contentsOfFile: $0.script, encoding: .utf8) }
        #expect(scripts[0].contains("#SBATCH --array=0-1\n") && scripts[0].contains("--index \"$SLURM_ARRAY_TASK_ID\""))
        #expect(scripts[2].contains("#SBATCH --array=0\n") && scripts[2].contains("--index \"$((SLURM_ARRAY_TASK_ID + 4))\""))
        #expect(submission.manifestIndex(job: 7, task: 0) == nil, "a dry run has no jobs")

        let manifest = try SlurmManifest.read(from: URL(fileURLWithPath: submission.manifest))
        #expect(manifest.tasks == [["t0"], ["t1"], ["t2"], ["t3"], ["t4"]])
        #expect(manifest.shardDirectory == layout.shardDirectory.path)
        let resume = try #require(manifest.resumeDatabasePath)
        #expect(try ShardStore.openForReading(path: resume).checkpoints() == ["t3": handedOver])
        #expect(try SlurmSubmitter.submissions(in: layout) == [submission])

        let second = try submitter.submit(sweepName: "tiny", work: Array(work.prefix(1)), resume: [:], dryRun: true)
        #expect(second.number == 2)
        #expect(try SlurmManifest.read(from: URL(fileURLWithPath: second.manifest)).resumeDatabasePath == nil)
    }

    @Test("nothing to do is an error that names the database")
    func nothingToSubmit() throws {
        let directory = try SlurmTemporaryDirectory("submit-empty")
        let layout = SlurmLayout(database: directory.url.appendingPathComponent("sweep.sqlite"))
        let submitter = SlurmSubmitter(layout: layout, client: SlurmClient(), resources: SlurmResources(), trajectoriesPerTask: 1,
                                       executable: "/opt/bin/hashsweep")
        #expect(throws: SlurmError.nothingToSubmit(database: layout.database.path)) {
            try submitter.submit(sweepName: "tiny", work: [], resume: [:], dryRun: true)
        }
    }
}
