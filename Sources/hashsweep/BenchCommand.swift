import ArgumentParser

/// `hashsweep bench`: performance figures of the parts of hashsweep.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure how fast hashsweep trains (and, with other subcommands, measures and sweeps).",
        subcommands: [BenchTrainCommand.self, BenchSweepCommand.self, BenchMetricsCommand.self]
    )
}
