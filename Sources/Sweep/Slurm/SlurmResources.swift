/// What each array task asks Slurm for, and how the array is throttled.
///
/// Values are passed to `sbatch` as written (Slurm's own formats); ``validate()`` rejects what
/// `sbatch` would reject, before anything is written or submitted.
public struct SlurmResources: Sendable, Equatable, Codable {
    /// `--partition`; the cluster's default when `nil`.
    public var partition: String? = nil
    /// `--time` (`minutes`, `HH:MM:SS`, `D-HH:MM`, ...); the partition's default when `nil`.
    public var time: String? = nil
    /// `--cpus-per-task`; hashsweep trains on one thread, so 1 unless the site needs more.
    public var cpusPerTask: Int = 1
    /// `--mem` per task (`4G`, `500M`, ...); the cluster's default when `nil`.
    public var memory: String? = nil
    /// Most array tasks running at once (`--array=...%K`); unlimited when `nil`.
    public var arrayParallelism: Int? = nil
    /// Seconds before the time limit at which Slurm sends SIGUSR1 so the task checkpoints and requeues.
    public var checkpointWarningSeconds: Int = 60
    /// Further `sbatch` options, each written as one `#SBATCH` line (e.g. `--account=proj`).
    public var extraArguments: [String] = []

    /// The defaults.
    public init() {}

    /// Throws if a value is one `sbatch` would refuse.
    public func validate() throws(SlurmError) {
        if let partition, partition.isEmpty || partition.contains(where: { $0.isWhitespace }) {
            throw .invalidOption(name: "--partition", value: partition, allowed: "a partition name without spaces")
        }
        if let time, !Self.isSlurmTime(time) {
            throw .invalidOption(name: "--time", value: time,
                                 allowed: "Slurm's formats: MINUTES, MINUTES:SECONDS, HOURS:MINUTES:SECONDS, DAYS-HOURS, DAYS-HOURS:MINUTES or DAYS-HOURS:MINUTES:SECONDS")
        }
        if cpusPerTask < 1 {
            throw .invalidOption(name: "--cpus-per-task", value: String(cpusPerTask), allowed: "an integer of at least 1")
        }
        if let memory, !Self.isSlurmMemory(memory) {
            throw .invalidOption(name: "--mem", value: memory, allowed: "a size such as 500M, 4G or 1T (digits, then optionally K, M, G or T)")
        }
        if let arrayParallelism, arrayParallelism < 1 {
            throw .invalidOption(name: "--array-parallelism", value: String(arrayParallelism), allowed: "an integer of at least 1")
        }
        if checkpointWarningSeconds < 1 || checkpointWarningSeconds > 65535 {
            throw .invalidOption(name: "checkpoint warning", value: String(checkpointWarningSeconds), allowed: "seconds between 1 and 65535")
        }
        for argument in extraArguments where !argument.hasPrefix("-") || argument.contains(where: \.isNewline) {
            throw .invalidOption(name: "--sbatch-arg", value: argument,
                                 allowed: "one sbatch option on one line, starting with '-' (e.g. --account=proj or --qos=long)")
        }
    }

    static func isSlurmTime(_ text: String) -> Bool {
        func numbers(_ part: Substring, count: ClosedRange<Int>) -> Bool {
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            return count.contains(fields.count) && fields.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        }
        let dayParts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch dayParts.count {
        case 1: return numbers(dayParts[0], count: 1...3)
        case 2: return numbers(dayParts[0], count: 1...1) && numbers(dayParts[1], count: 1...3)
        default: return false
        }
    }

    static func isSlurmMemory(_ text: String) -> Bool {
        var digits = Substring(text)
        if let last = digits.last, "KMGTkmgt".contains(last) { digits = digits.dropLast() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
