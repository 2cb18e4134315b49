import ArgumentParser
import Foundation
import PhaseChart
import Sweep

/// `hashsweep chart SPEC|DB`: both CSVs, the phase chart and the curves of a sweep.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Aggregate a sweep over seeds, classify its regimes, and write measurements.csv, cells.csv, phase-chart.svg and curves.svg.",
        discussion: "The rule, its thresholds (the spec's phase: section) and how to read the chart: docs/phase-chart.md."
    )

    @OptionGroup var input: ChartInput

    @Option(help: "Horizontal axis (default: the spec's phase.x).")
    var x: String?

    @Option(help: "Vertical axis of the chart, and the axis with a line per value in the curves (default: phase.y).")
    var y: String?

    @Option(help: "Axis of the small multiples (default: phase.facet, if any).")
    var facet: String?

    @Option(name: .customLong("fix"), help: ArgumentHelp("Hold an axis at one value, e.g. --fix lr=0.01 (repeatable).", valueName: "AXIS=VALUE"))
    var fixes: [String] = []

    @Option(help: "Figure width in inches: 3.25 for a single column, 6.75 for a double column.")
    var widthIn: Double = 3.25

    @Option(help: "CSS font family list of the figures.")
    var fontFamily: String = FigureStyle.defaultFontFamily

    @Option(help: "Base font size in points.")
    var fontSize: Double = 8

    func validate() throws {
        guard (2...20).contains(widthIn) else { throw ValidationError("--width-in must lie between 2 and 20 inches; found \(widthIn).") }
        guard (4...24).contains(fontSize) else { throw ValidationError("--font-size must lie between 4 and 24 points; found \(fontSize).") }
        guard !fontFamily.contains(where: { $0 == "<" || $0 == ">" }) else { throw ValidationError("--font-family must not contain < or >.") }
    }

    func run() throws {
        let (analysis, directory) = try input.analysis()
        try analysis.requireRegimeMetrics()
        let settings = analysis.settings
        let (xAxis, yAxis) = (x ?? settings.x, y ?? settings.y)
        // The spec's facet gives way when the command line charts or fixes that axis; an explicit --facet does not.
        let specFacet = settings.facet.flatMap { axis in
            [xAxis, yAxis].contains(axis) || fixes.contains { $0.hasPrefix(axis + "=") } ? nil : axis
        }
        let selection = try analysis.selection(x: xAxis, y: yAxis, facet: facet ?? specFacet, fixes: fixes)
        for note in selection.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        let style = FigureStyle(widthInches: widthIn, fontFamily: fontFamily, fontSize: fontSize)
        for url in try ChartFiles.writeAll(analysis, selection: selection, style: style, to: directory) { print(url.path) }
    }
}

/// The sweep to chart and where its files go; shared by `chart` and `export`.
struct ChartInput: ParsableArguments {
    @Argument(help: "The spec file, or the sweep database itself.")
    var target: String

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    @Option(help: "Categorization metric of the regime rule (default: phase.categorization_metric, else knn_test_accuracy).")
    var metric: String?

    @Option(help: "Output folder (default: the database's folder, results/<name>/).")
    var out: String?

    /// The aggregated, classified sweep and the output folder.
    func analysis() throws -> (PhaseAnalysis, URL) {
        let resolved = try SweepTarget(argument: target, database: db)
        var loaded = try SweepStoreReader.load(databasePath: resolved.databasePath, spec: resolved.spec)
        if let metric { loaded.settings.categorizationMetric = metric }
        var analysis = try PhaseAnalysis(records: loaded.measurements, settings: loaded.settings, source: resolved.databasePath)
        analysis.requestedMeasurements = loaded.requestedMeasurements
        if let partial = analysis.partialNote {
            StandardError.line("warning: the sweep is unfinished (\(partial)); the tables and figures show what is measured "
                               + "so far and say so. `hashsweep status \(target)` shows what is left.")
        }
        let directory = out.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: resolved.databasePath).deletingLastPathComponent()
        return (analysis, directory)
    }
}
