import ArgumentParser
import Foundation
import Sweep

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
            CodesCommand.self,
        ]
    )

    /// Parses and runs the command line, first answering a mistyped subcommand with suggestions.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = SubcommandSuggestion.message(for: arguments, root: HashSweep.self) {
            StandardError.line(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(arguments)
    }
}
