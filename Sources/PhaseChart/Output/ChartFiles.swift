import Foundation

/// Writes the chart's files into a folder and returns their paths.
public enum ChartFiles {
    // File names, fixed so that scripts and papers can rely on them.
    /// The tidy table, one row per trajectory and epoch.
    public static let measurements = "measurements.csv"
    /// The per-cell table with regimes.
    public static let cells = "cells.csv"
    /// The phase chart.
    public static let phaseChart = "phase-chart.svg"
    /// The metric curves.
    public static let curves = "curves.svg"

    /// Writes `measurements.csv` and `cells.csv` into `directory` (created if needed).
    public static func writeCSV(_ analysis: PhaseAnalysis, to directory: URL) throws(PhaseChartError) -> [URL] {
        [try write(analysis.measurementsTable.text, named: measurements, in: directory),
         try write(analysis.cellsTable.text, named: cells, in: directory)]
    }

    /// Writes both CSVs and both SVGs into `directory`.
    public static func writeAll(_ analysis: PhaseAnalysis, selection: ChartSelection, style: FigureStyle,
                                to directory: URL) throws(PhaseChartError) -> [URL] {
        try writeCSV(analysis, to: directory)
            + [try write(analysis.phaseChart(selection, style: style).svg(), named: phaseChart, in: directory),
               try write(analysis.curves(selection, style: style).svg(), named: curves, in: directory)]
    }

    private static func write(_ text: String, named name: String, in directory: URL) throws(PhaseChartError) -> URL {
        let url = directory.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .unwritableOutput(path: url.path, underlying: error.localizedDescription)
        }
        return url
    }
}
