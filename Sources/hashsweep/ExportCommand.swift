import ArgumentParser
import PhaseChart

/// `hashsweep export SPEC|DB --csv`: the tidy measurements and the per-cell table.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a sweep's measurements.csv (one row per trajectory and epoch) and cells.csv (one row per cell, with its regime).",
        discussion: "Column orders are documented in docs/phase-chart.md."
    )

    @OptionGroup var input: ChartInput

    @Flag(help: "Write the CSV files (the only export format).")
    var csv = false

    func validate() throws {
        guard csv else { throw ValidationError("Say which format to export: --csv (the only one so far).") }
    }

    func run() throws {
        let (analysis, directory) = try input.analysis()
        // Without the rule's metrics the cells are exported unclassified; a metric asked for must exist.
        if input.metric != nil { try analysis.requireRegimeMetrics() }
        for url in try ChartFiles.writeCSV(analysis, to: directory) { print(url.path) }
    }
}
