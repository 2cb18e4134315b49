import ArgumentParser

/// The `hashsweep` command: train MLPs over a grid, measure their neural codes, chart the regimes.
@main
struct HashSweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hashsweep",
        abstract: "Sweeps of ReLU networks measured as hash encoders, and their activation hash phase chart.",
        version: HashSweepVersion.string,
        subcommands: [
            SpecCommand.self,
            TrainCommand.self,
            BenchCommand.self,
            DataCommand.self,
            RunCommand.self,
            MeasureCommand.self,
            WorkerCommand.self,
            StatusCommand.self,
            RetryCommand.self,
            PlanCommand.self,
            SlurmCommand.self,
            ChartCommand.self,
            ExportCommand.self,
        ]
    )
}
