import Foundation

/// The live progress of a sweep on standard error.
///
/// On a terminal: a bar with trajectories done / total, measurements, the rate
/// in epochs per second and the time left (the ``SweepTimeEstimate`` that `plan` and
/// `status` print for the same state), then one line per running worker with its
/// point and epoch, redrawn in place. Otherwise (a log file, CI): one plain
/// line every `plainInterval` seconds. Worker output goes through ``log(_:)``
/// so it scrolls above the live block instead of through it.
public final class ProgressDisplay {
    private let isTerminal: Bool
    private let plainInterval: Double
    private let width: Int
    private let clock = Stopwatch()
    private var lastPlainAt: Double?
    private var drawnLines = 0
    private var baseline: (epochs: Int, seconds: Double)?

    /// A display; `isTerminal` defaults to whether standard error is a terminal.
    public init(isTerminal: Bool = isatty(2) != 0, plainInterval: Double = 5) {
        self.isTerminal = isTerminal
        self.plainInterval = plainInterval
        width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120
    }

    /// Prints a line above the live block.
    public func log(_ line: String) {
        clear()
        write(line + "\n")
    }

    /// The time left last given to ``update(_:estimate:)``.
    private var estimate: SweepTimeEstimate?

    /// Shows `summary` (and `estimate`, when given, until a newer one); on a terminal redraws at
    /// once, otherwise at most every `plainInterval` seconds.
    public func update(_ summary: StatusSummary, estimate: SweepTimeEstimate? = nil) {
        if let estimate { self.estimate = estimate }
        let now = clock.seconds
        if baseline == nil { baseline = (summary.trainedEpochs, now) }
        if isTerminal {
            clear()
            let lines = [headline(summary, now: now)] + summary.running.map(Self.workerLine)
            let text = lines.map { String($0.prefix(width)) }.joined(separator: "\n") + "\n"
            write(text)
            drawnLines = lines.count
        } else if lastPlainAt.map({ now - $0 >= plainInterval }) ?? true {
            lastPlainAt = now
            write("hashsweep: " + headline(summary, now: now) + "\n")
        }
    }

    /// Removes the live block (before the final report).
    public func finish() { clear() }

    /// The bar and its figures for `summary` at `now` (seconds since the display was made).
    func headline(_ summary: StatusSummary, now: Double) -> String {
        let total = max(summary.total, 1)
        let filled = summary.done * 24 / total
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 24 - filled) + "]"
        var parts = [
            "\(bar) \(summary.done)/\(summary.total) done, \(summary.counts[.running, default: 0]) running, "
                + "\(summary.counts[.failed, default: 0]) failed",
            "\(summary.doneMeasurements)/\(summary.requestedMeasurements) measurements",
        ]
        if let baseline, now - baseline.seconds > 1 {
            let rate = Double(summary.trainedEpochs - baseline.epochs) / (now - baseline.seconds)
            parts.append(String(format: "%.1f epochs/s", rate))
        }
        if let estimate { parts.append("left " + estimate.description) }
        return parts.joined(separator: " | ")
    }

    private static func workerLine(_ record: TrajectoryRecord) -> String {
        let point = record.axes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let epoch = "epoch \(record.currentEpoch ?? record.lastEpoch ?? 0)/\(record.epochs.last ?? 0)"
        return "  \(record.leaseOwner ?? "?")  \(epoch)  \(point)"
    }

    /// `42s`, `4m12s`, `3h05m`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
        return "\(total / 3600)h\(String(format: "%02d", total % 3600 / 60))m"
    }

    private func clear() {
        guard isTerminal, drawnLines > 0 else { return }
        write("\u{1B}[\(drawnLines)F\u{1B}[J")
        drawnLines = 0
    }

    private func write(_ text: String) {
        StandardError.write(text)
    }
}
