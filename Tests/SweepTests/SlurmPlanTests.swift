import Foundation
import Testing
@testable import Sweep

@Suite("Slurm: manifest chunking, array splitting, shard names, resources")
struct SlurmPlanTests {
    static func trajectory(_ seed: Int) -> Trajectory {
        var configuration = TrajectoryConfiguration()
        configuration.seed = seed
        return Trajectory(id: "t\(seed)", configuration: configuration, epochs: [0, 1], axes: ["seed": .int(seed)])
    }

    @Test("chunks keep the order and cover every id once",
          arguments: [(0, 3, 0), (1, 3, 1), (7, 3, 3), (9, 3, 3), (10, 1, 10), (5, 10, 1)])
    func chunking(idCount: Int, perTask: Int, expectedChunks: Int) {
        let ids = (0..<idCount).map { "id\($0)" }
        let chunks = SlurmManifest.chunk(ids, perTask: perTask)
        #expect(chunks.count == expectedChunks)
        #expect(chunks.flatMap { $0 } == ids)
        #expect(chunks.allSatisfy { !$0.isEmpty && $0.count <= perTask })
        #expect(chunks.dropLast().allSatisfy { $0.count == perTask })
    }

    @Test("a manifest maps each index to its trajectories")
    func manifestAssignment() throws {
        let trajectories = (0..<5).map(Self.trajectory)
        let manifest = SlurmManifest.assigning(trajectories, perTask: 2, sweepName: "tiny", databasePath: "/r/tiny/sweep.sqlite",
                                               shardDirectory: "/r/tiny/shards")
        #expect(manifest.tasks == [["t0", "t1"], ["t2", "t3"], ["t4"]])
        #expect(try manifest.trajectories(forIndex: 2, manifestPath: "m") == [trajectories[4]])
        #expect(throws: SlurmError.indexOutOfRange(path: "m", index: 3, taskCount: 3)) {
            try manifest.trajectories(forIndex: 3, manifestPath: "m")
        }
    }

    @Test("a manifest survives writing and reading; other versions are refused")
    func manifestRoundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("manifest.json")
        let manifest = SlurmManifest.assigning((0..<3).map(Self.trajectory), perTask: 2, sweepName: "tiny",
                                               databasePath: "/r/sweep.sqlite", shardDirectory: "/r/shards",
                                               resumeDatabasePath: "/r/slurm/submission-002/resume.sqlite")
        try manifest.write(to: url)
        #expect(try SlurmManifest.read(from: url) == manifest)

        var future = manifest
        future.formatVersion = 99
        try future.write(to: url)
        #expect(throws: SlurmError.unsupportedManifestVersion(path: url.path, found: 99, supported: 1)) {
            try SlurmManifest.read(from: url)
        }
    }

    @Test("arrays larger than MaxArraySize become several parts of indices 0..<MaxArraySize",
          arguments: [(0, 1001, [Int]()), (1, 1001, [1]), (1001, 1001, [1001]), (1002, 1001, [1001, 1]),
                      (2500, 1000, [1000, 1000, 500]), (7, 3, [3, 3, 1])])
    func arraySplitting(taskCount: Int, maxArraySize: Int, expectedCounts: [Int]) throws {
        let parts = try SlurmArrayPlan.split(taskCount: taskCount, maxArraySize: maxArraySize)
        #expect(parts.map(\.count) == expectedCounts)
        #expect(parts.flatMap { Array($0.manifestIndices) } == Array(0..<taskCount))
        #expect(parts.allSatisfy { $0.count <= maxArraySize })
    }

    @Test("MaxArraySize 0 means arrays are disabled")
    func arraysDisabled() {
        #expect(throws: SlurmError.arraysDisabled) { try SlurmArrayPlan.split(taskCount: 3, maxArraySize: 0) }
    }

    @Test("array specifications", arguments: [(1, nil, "0"), (4, nil, "0-3"), (4, 2, "0-3%2"), (1, 1, "0%1")])
    func arraySpecification(count: Int, parallelism: Int?, expected: String) {
        #expect(SlurmArrayPart(offset: 10, count: count).arraySpecification(parallelism: parallelism) == expected)
    }

    @Test("MaxArraySize is read from scontrol show config")
    func maxArraySizeFromConfig() {
        let output = """
            Configuration data as of 2026-11-29T08:27:27
            MaxArraySize            = 4001
            MaxJobCount             = 10000
            """
        #expect(SlurmArrayPlan.maxArraySize(fromShowConfig: output) == 4001)
        #expect(SlurmArrayPlan.maxArraySize(fromShowConfig: "MaxJobCount = 10000") == nil)
    }

    @Test("shard names round-trip and ignore other files")
    func shardNames() {
        let name = ShardName(job: 4242, task: 17)
        #expect(name.fileName == "4242_17.sqlite")
        #expect(name.partialFileName == "4242_17.sqlite.partial")
        #expect(ShardName(fileName: "4242_17.sqlite") == name)
        #expect(ShardName(fileName: "4242_17.sqlite.partial") == name)
        #expect(ShardName.isPartial("4242_17.sqlite.partial"))
        for other in ["sweep.sqlite", "4242_17.sqlite-wal", "4242-17.sqlite", "_17.sqlite", "a_1.sqlite", "1_2_3.sqlite"] {
            #expect(ShardName(fileName: other) == nil, "\(other) is not a shard")
        }
        let layout = SlurmLayout(database: URL(fileURLWithPath: "/r/tiny/sweep.sqlite"))
        #expect(layout.shard(name, partial: false).path == "/r/tiny/shards/4242_17.sqlite")
        #expect(layout.submissionDirectory(3).path == "/r/tiny/slurm/submission-003")
    }

    @Test("resources that sbatch would refuse are refused first",
          arguments: [("time", "1:2:3:4"), ("time", "1-"), ("time", "abc"), ("mem", "4GB"), ("mem", "G"),
                      ("partition", "a b"), ("cpus", "0"), ("parallelism", "0"), ("extra", "account=x")])
    func invalidResources(field: String, value: String) {
        var resources = SlurmResources()
        switch field {
        case "time": resources.time = value
        case "mem": resources.memory = value
        case "partition": resources.partition = value
        case "cpus": resources.cpusPerTask = Int(value)!
        case "parallelism": resources.arrayParallelism = Int(value)!
        default: resources.extraArguments = [value]
        }
        #expect(throws: SlurmError.self) { try resources.validate() }
    }

    @Test("Slurm's time and memory formats are accepted",
          arguments: ["30", "30:00", "01:30:00", "2-0", "2-12:00", "2-12:00:00"])
    func validTimes(time: String) throws {
        var resources = SlurmResources()
        resources.time = time
        resources.memory = "500M"
        resources.extraArguments = ["--account=proj", "--qos=long"]
        try resources.validate()
    }

    @Test("sbatch --parsable output and squeue lines are read; anything else is refused")
    func clientParsing() throws {
        #expect(try SlurmClient.jobID(fromParsable: "4242\n") == 4242)
        #expect(try SlurmClient.jobID(fromParsable: "4242;cluster-a\n") == 4242)
        #expect(throws: SlurmError.unexpectedSubmitOutput("Submitted batch job 4242\n")) {
            try SlurmClient.jobID(fromParsable: "Submitted batch job 4242\n")
        }
        let running = try #require(SlurmQueueEntry(squeueLine: "5|1|RUNNING|0:07|vm"))
        #expect(running.job == 5 && running.task == 1 && running.state == "RUNNING" && running.nodeOrReason == "vm")
        #expect(SlurmQueueEntry(squeueLine: "5|2|PENDING|0:00|(JobArrayTaskLimit)")?.nodeOrReason == "(JobArrayTaskLimit)")
        #expect(SlurmQueueEntry(squeueLine: "7|N/A|RUNNING|0:01|vm") == nil, "a job that is not an array task")
    }
}
