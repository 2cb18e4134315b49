/// One `sbatch --array` submission covering a contiguous range of manifest indices.
///
/// Slurm numbers array tasks from 0 and refuses indices at or above the cluster's MaxArraySize, so
/// a manifest with more tasks is submitted as several parts; task `t` of a part trains manifest
/// index `offset + t`.
public struct SlurmArrayPart: Sendable, Equatable, Codable {
    /// Manifest index of the part's task 0.
    public var offset: Int
    /// Number of array tasks in the part.
    public var count: Int

    /// A part; `count` must be at least 1.
    public init(offset: Int, count: Int) {
        precondition(offset >= 0 && count >= 1, "SlurmArrayPart: offset must be >= 0 and count >= 1")
        self.offset = offset
        self.count = count
    }

    /// The manifest indices this part covers.
    public var manifestIndices: Range<Int> { offset..<(offset + count) }

    /// The value of `sbatch --array`: `0-(count-1)`, with `%parallelism` when given (e.g. `0-99%8`).
    public func arraySpecification(parallelism: Int?) -> String {
        let range = count == 1 ? "0" : "0-\(count - 1)"
        guard let parallelism else { return range }
        return "\(range)%\(parallelism)"
    }
}

/// Splitting a number of array tasks into submissions the cluster accepts.
public enum SlurmArrayPlan {
    /// Slurm's own default MaxArraySize, used when the cluster's cannot be read.
    public static let defaultMaxArraySize = 1001

    /// Parts of at most `maxArraySize` tasks covering `0..<taskCount`, in order.
    public static func split(taskCount: Int, maxArraySize: Int) throws(SlurmError) -> [SlurmArrayPart] {
        precondition(taskCount >= 0, "SlurmArrayPlan.split: negative task count")
        guard maxArraySize >= 1 else { throw .arraysDisabled }
        return stride(from: 0, to: taskCount, by: maxArraySize).map { offset in
            SlurmArrayPart(offset: offset, count: min(maxArraySize, taskCount - offset))
        }
    }

    /// MaxArraySize from the output of `scontrol show config`, or `nil` if it is not there.
    ///
    /// The relevant line reads `MaxArraySize            = 1001`.
    public static func maxArraySize(fromShowConfig output: String) -> Int? {
        for line in output.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingWhitespace() == "MaxArraySize" else { continue }
            return Int(parts[1].trimmingWhitespace())
        }
        return nil
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
