import Foundation

/// Runs Slurm's client programs (`sbatch`, `squeue`, `scontrol`, `scancel`, `sacct`) and reads their output.
///
/// Each call starts the program, waits for it and returns its standard output; a non-zero exit
/// throws ``SlurmError/commandFailed(command:status:output:)`` with what it printed. The cluster is
/// the one the environment names (`SLURM_CONF`, or the site's default configuration).
public struct SlurmClient: Sendable {
    /// Extra environment variables for the programs (e.g. `SLURM_CONF`), added to this process's.
    public var environment: [String: String]

    /// A client for the cluster configured in the environment, plus `environment`.
    public init(environment: [String: String] = [:]) {
        self.environment = environment
    }

    /// Whether `sbatch` is on the PATH (i.e. this looks like a Slurm login node).
    public var isAvailable: Bool { (try? Self.locate("sbatch")) != nil }

    /// Submits a batch script with `sbatch --parsable` and returns the job id.
    public func submit(script: URL) throws(SlurmError) -> Int {
        let output = try run("sbatch", ["--parsable", script.path])
        return try Self.jobID(fromParsable: output)
    }

    /// The cluster's MaxArraySize from `scontrol show config`, or Slurm's default if it cannot be read.
    public func maxArraySize() -> Int {
        guard let output = try? run("scontrol", ["show", "config"]) else { return SlurmArrayPlan.defaultMaxArraySize }
        return SlurmArrayPlan.maxArraySize(fromShowConfig: output) ?? SlurmArrayPlan.defaultMaxArraySize
    }

    /// The queued and running array tasks of `jobs` (one entry per task, from `squeue -r`).
    ///
    /// Finished tasks are not listed: an empty result means every task of `jobs` has ended.
    public func queue(jobs: Set<Int>) throws(SlurmError) -> [SlurmQueueEntry] {
        // All jobs, filtered here: `squeue -j` fails once a job has been purged from the controller.
        let output = try run("squeue", ["-h", "-r", "-o", "%F|%K|%T|%M|%R"])
        return output.split(whereSeparator: \.isNewline).compactMap { SlurmQueueEntry(squeueLine: String($0)) }
            .filter { jobs.contains($0.job) }
    }

    /// Accounting lines for `jobs` from `sacct` (slurmdbd), else from the completion log (`sacct -c`); `nil` if neither works.
    public func accounting(jobs: [Int]) -> String? {
        let list = jobs.map(String.init).joined(separator: ",")
        let fields = ["-o", "JobID,JobName%30,State,ExitCode,Elapsed"]
        if let output = try? run("sacct", ["-X", "-j", list] + fields) { return output }
        return try? run("sacct", ["-c", "-j", list] + fields)
    }

    /// Cancels array task `task` of job `job` (`scancel JOB_TASK`).
    public func cancel(job: Int, task: Int) throws(SlurmError) {
        _ = try run("scancel", ["\(job)_\(task)"])
    }

    /// Puts array task `task` of job `job` back in the queue (`scontrol requeue JOB_TASK`).
    public func requeue(job: Int, task: Int) throws(SlurmError) {
        _ = try run("scontrol", ["requeue", "\(job)_\(task)"])
    }

    /// The job id in `sbatch --parsable` output (`123` or `123;cluster`).
    public static func jobID(fromParsable output: String) throws(SlurmError) -> Int {
        let line = output.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        let idText = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        guard let id = Int(idText.trimmingCharacters(in: .whitespaces)), id >= 0 else {
            throw .unexpectedSubmitOutput(output)
        }
        return id
    }

    /// Runs `program` with `arguments`; returns its standard output.
    func run(_ program: String, _ arguments: [String]) throws(SlurmError) -> String {
        let executable = try Self.locate(program)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let commandLine = ([program] + arguments).joined(separator: " ")
        do {
            try process.run()
        } catch {
            throw .commandFailed(command: commandLine, status: -1, output: error.localizedDescription)
        }
        // Read both pipes to the end before waiting, so a chatty program never blocks on a full pipe.
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: outputData, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw .commandFailed(command: commandLine, status: process.terminationStatus,
                                 output: String(decoding: errorData.wait(), as: UTF8.self) + text)
        }
        return text
    }

    /// The absolute path of `program` on the PATH.
    static func locate(_ program: String) throws(SlurmError) -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw .commandNotFound(program)
    }
}

/// Reads a pipe to its end on a background thread.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// One array task as `squeue -r -o '%F|%K|%T|%M|%R'` lists it.
public struct SlurmQueueEntry: Sendable, Equatable {
    /// The array's job id.
    public var job: Int
    /// The task id within the array.
    public var task: Int
    /// Slurm's state (`PENDING`, `RUNNING`, `COMPLETING`, ...).
    public var state: String
    /// Time used so far, as Slurm prints it.
    public var elapsed: String
    /// Node list when running, else the reason it waits.
    public var nodeOrReason: String

    /// Parses one line; `nil` for jobs that are not array tasks or lines of another shape.
    public init?(squeueLine line: String) {
        let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5, let job = Int(fields[0]), let task = Int(fields[1]) else { return nil }
        self.job = job
        self.task = task
        self.state = fields[2]
        self.elapsed = fields[3]
        self.nodeOrReason = fields[4]
    }
}
