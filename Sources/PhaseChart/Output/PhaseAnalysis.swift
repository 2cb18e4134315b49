import Sweep

/// Measurements aggregated over seeds and classified: everything the CSVs and SVGs are made of.
///
/// ```swift
/// let analysis = try PhaseAnalysis(records: records, settings: spec.phase, source: "results/demo/sweep.sqlite")
/// let selection = try analysis.selection(x: "width", y: "epochs", facet: nil, fixes: [])
/// let svg = analysis.phaseChart(selection, style: FigureStyle(widthInches: 3.25)).svg()
/// ```
public struct PhaseAnalysis: Sendable {
    /// The raw measurements.
    public let records: [ChartMeasurement]
    /// Thresholds and metric names used.
    public let settings: PhaseSettings
    /// Cells over all axes but the seed.
    public let grid: CellGrid
    /// One label per cell of ``grid``.
    public let classifications: [RegimeClassification]
    /// The accuracy ceiling used (from the spec or the best cell).
    public let ceiling: Double?
    /// The measurements the sweep asks for, when known; more than ``records`` marks a partial sweep.
    public var requestedMeasurements: Int?

    /// "partial: N of M measurements" for a sweep with work left, else nil.
    public var partialNote: String? {
        guard let requestedMeasurements, requestedMeasurements > records.count else { return nil }
        return "partial: \(records.count) of \(requestedMeasurements) measurements"
    }

    /// Aggregates and classifies `records`; `source` names where they came from, for errors.
    public init(records: [ChartMeasurement], settings: PhaseSettings, source: String) throws(PhaseChartError) {
        guard !records.isEmpty else { throw .noMeasurements(source: source) }
        self.records = records
        self.settings = settings
        grid = CellGrid(records: records)
        let classifier = RegimeClassifier(settings: settings)
        ceiling = classifier.ceiling(in: grid)
        classifications = classifier.classify(grid)
    }

    /// Throws unless the redundancy and categorization metrics of the rule were measured; cells
    /// without them are left unclassified, which a chart should refuse and a CSV export may accept.
    public func requireRegimeMetrics() throws(PhaseChartError) {
        for metric in [settings.categorizationMetric, settings.redundancyMetric] where !grid.metricNames.contains(metric) {
            throw .unknownMetric(metric, available: grid.metricNames)
        }
    }

    /// The axes and held values of a chart, validated against the grid.
    public func selection(x: String, y: String, facet: String?, fixes: [String]) throws(PhaseChartError) -> ChartSelection {
        try ChartSelection(grid: grid, x: x, y: y, facet: facet, fixes: fixes)
    }

    /// `measurements.csv`.
    public var measurementsTable: CSVTable { MeasurementsTable.table(records) }

    /// `cells.csv`.
    public var cellsTable: CSVTable {
        CellsTable.table(grid, classifications: classifications, settings: settings, ceiling: ceiling)
    }

    /// `phase-chart.svg`.
    public func phaseChart(_ selection: ChartSelection, style: FigureStyle) -> PhaseChartFigure {
        var figure = PhaseChartFigure(grid: grid, classifications: classifications, selection: selection,
                                      settings: settings, ceiling: ceiling, style: style)
        figure.note = partialNote
        return figure
    }

    /// `curves.svg`; a facet axis is held at its first value.
    public func curves(_ selection: ChartSelection, style: FigureStyle) -> CurvesFigure {
        var metrics = MetricNames.curvePanels(measured: grid.metricNames)
        if !metrics.contains(settings.categorizationMetric) { metrics.append(settings.categorizationMetric) }
        let facetValue = selection.facet.flatMap { grid.values[$0]?.first }
        var figure = CurvesFigure(grid: grid, selection: selection, facetValue: facetValue, metrics: metrics, style: style)
        figure.note = partialNote
        return figure
    }
}
