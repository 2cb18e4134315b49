import Sweep

/// `curves.svg`: redundancy ratios and categorization accuracies against one axis, a line per
/// value of a second axis, mean over seeds with a 95% confidence band; one panel per metric.
public struct CurvesFigure: Sendable {
    /// All cells of the sweep.
    public let grid: CellGrid
    /// `x` is the horizontal axis, `y` the series axis; a facet axis is held at ``facetValue``.
    public let selection: ChartSelection
    /// The facet axis's value drawn (curves have no small multiples), if there is a facet axis.
    public let facetValue: AxisValue?
    /// Metrics drawn, one panel each, in order; unmeasured ones are skipped.
    public let metrics: [String]
    /// Size and fonts.
    public let style: FigureStyle
    /// A note that opens the caption (e.g. "partial: 40 of 72 measurements").
    public var note: String?

    /// A figure of `grid`; `metrics` defaults to ``MetricNames/curvePanels``.
    public init(grid: CellGrid, selection: ChartSelection, facetValue: AxisValue?, metrics: [String] = MetricNames.curvePanels,
                style: FigureStyle) {
        self.grid = grid
        self.selection = selection
        self.facetValue = facetValue
        self.metrics = metrics.filter(grid.metricNames.contains)
        self.style = style
    }

    /// The SVG document.
    public func svg() -> String {
        let cells = selection.cells(of: grid, facetValue: facetValue)
        let used = { (axis: String) in (grid.values[axis] ?? []).filter { v in cells.contains { $0.coordinates[axis] == v } } }
        let xValues = used(selection.x), seriesValues = used(selection.y)
        let lookup = Dictionary(uniqueKeysWithValues: cells.map { ([$0.coordinates[selection.x]!, $0.coordinates[selection.y]!], $0) })
        let f = style.fontSize, tick = style.tickSize, width = style.width, margin = 4.0
        let columns = style.widthInches >= 5 ? 3 : 2
        let rows = max(1, (metrics.count + columns - 1) / columns)
        let yLabelWidth = TextMetrics.width("0.00", size: tick) + 5
        let gap = f * 0.8
        let xLabels = xValues.map(PhaseChartFigure.tickText)
        let overhang = (xLabels.last.map { TextMetrics.width($0, size: tick) / 2 } ?? 0) * 0.8
        let panelWidth = (width - 2 * margin - overhang - Double(columns) * yLabelWidth - Double(columns - 1) * gap) / Double(columns)
        let panelHeight = panelWidth * 0.72
        let titleHeight = f * 1.4, xTickHeight = 3 + tick * 1.3
        let rowHeight = titleHeight + panelHeight + xTickHeight + f * 0.3
        var baseX = AxisScale.points(xValues)

        var svg = SVGWriter()
        svg.open("g", ["class": "panels"])
        for (index, metric) in metrics.enumerated() {
            let (row, column) = (index / columns, index % columns)
            let px = margin + Double(column) * (panelWidth + yLabelWidth + gap) + yLabelWidth
            let py = margin + Double(row) * rowHeight + titleHeight
            (baseX.start, baseX.end) = (px, px + panelWidth)
            let series = seriesValues.map { value in xValues.map { lookup[[$0, value]]?.metrics[metric] } }
            let hasPanelBelow = index + columns < metrics.count
            let panel = CurvesPanel(metric: metric, series: series, xScale: baseX, top: py, height: panelHeight, style: style)
            panel.draw(into: &svg, xLabels: hasPanelBelow ? nil : xLabels, ordered: seriesValues.allSatisfy { $0.number != nil })
        }
        svg.close("g")

        var y = margin + Double(rows) * rowHeight + f * 0.9
        svg.text(AxisTitles.title(selection.x, note: baseX.kindNote), x: width / 2, y: y, anchor: "middle", cssClass: "axis-title")
        y += f * 0.6
        y += drawLegend(into: &svg, seriesValues: seriesValues, top: y, left: margin, width: width - 2 * margin)
        y += f * 0.3
        var caption = Format.openingSentence(note)
        caption += "Lines: mean over seeds; bands: 95% confidence interval of the mean (t distribution), clipped to [0, 1], absent where a point has one seed."
        let held = selection.fixed.map { "\($0.axis) = \($0.value)" } + (selection.facet.flatMap { axis in facetValue.map { "\(axis) = \($0)" } }.map { [$0] } ?? [])
        if !held.isEmpty { caption += " Held: \(held.joined(separator: ", "))." }
        y += svg.caption(caption, left: margin, top: y, width: width - 2 * margin, size: tick)
        return svg.document(width: width, height: y + margin, widthInches: style.widthInches, style: style,
                            title: "Redundancy and categorization against \(selection.x), a line per \(selection.y)",
                            defs: "")
    }

    private func drawLegend(into svg: inout SVGWriter, seriesValues: [AxisValue], top: Double, left: Double, width: Double) -> Double {
        let size = style.tickSize, swatch = size * 2.2
        let ordered = seriesValues.allSatisfy { $0.number != nil }
        let items = [FlowLayout.Item(swatchWidth: 0, label: AxisTitles.title(selection.y) + ":")]
            + seriesValues.map { FlowLayout.Item(swatchWidth: swatch, label: PhaseChartFigure.tickText($0)) }
        let layout = FlowLayout(items, left: left, top: top, width: width, size: size, rowHeight: size * 1.6)
        svg.open("g", ["class": "legend", "font-size": SVGWriter.number(size)])
        for (index, (item, place)) in zip(items, layout.placements).enumerated() {
            if index > 0 {
                let colour = Palette.series(index - 1, of: seriesValues.count, ordered: ordered)
                svg.element("line", ["x1": SVGWriter.number(place.x), "y1": SVGWriter.number(place.rowCentre),
                                     "x2": SVGWriter.number(place.x + swatch), "y2": SVGWriter.number(place.rowCentre),
                                     "stroke": colour, "stroke-width": "1.2"])
                CurvesPanel.marker(Palette.marker(index - 1), x: place.x + swatch / 2, y: place.rowCentre, colour: colour, into: &svg)
            }
            svg.text(item.label, x: FlowLayout.labelX(place, item, size: size), y: place.rowCentre + size * 0.35)
        }
        svg.close("g")
        return layout.height
    }
}
